"""`grade progress`: every exercise's status from the saved state, and the next one to do."""

from __future__ import annotations

import re

from click.testing import CliRunner

from grader import curriculum
from grader.cli import cli
from tests.conftest import MISTAKES, submission_with


def rows(output: str) -> dict[int, str]:
    """Exercise number -> its table line."""
    return {int(m.group(1)): line for line in output.splitlines() if (m := re.match(r"^\s*(\d+)\s{2}", line))}


def test_fresh_state_everything_not_started():
    result = CliRunner().invoke(cli, ["progress", "--lang", "en"])
    assert result.exit_code == 0, result.output
    table = rows(result.output)
    assert sorted(table) == [ex.number for ex in curriculum.all_exercises()] == list(range(1, len(table) + 1))
    assert all("not started" in line for line in table.values())
    assert f"0 of {len(table)} exercises pass" in result.output
    assert "Next: exercise 1," in result.output


def test_passing_after_grading_and_next_exercise(tmp_path):
    runner = CliRunner()
    submission = submission_with(tmp_path / "sub", {})
    graded = runner.invoke(cli, ["exercise", "1", "--submission", str(submission), "--lang", "en"])
    assert graded.exit_code == 0, graded.output
    result = runner.invoke(cli, ["progress", "--lang", "en"])
    table = rows(result.output)
    assert "passing" in table[1] and "17/17" in table[1]
    assert "not started" in table[2]
    assert f"1 of {len(table)} exercises pass" in result.output
    assert "Next: exercise 2, Estimating the gradient numerically" in result.output


def test_failing_keeps_best_score_and_is_next(tmp_path):
    runner = CliRunner()
    good = submission_with(tmp_path / "good", {})
    bad = submission_with(tmp_path / "bad", {3: MISTAKES / "ex03_step_sign_flipped.py"})
    for folder in (good, bad):
        runner.invoke(cli, ["exercise", "1-3", "--submission", str(folder)])
    result = runner.invoke(cli, ["progress", "--lang", "ru"])
    table = rows(result.output)
    assert "не пройдено" in table[3]
    last, best = re.findall(r"(\d+(?:\.\d+)?)/11", table[3])
    assert float(last) < float(best) == 11.0
    assert "пройдено" in table[1] and "не пройдено" not in table[1]
    assert "Дальше: упражнение 3, Один шаг по градиенту" in result.output


def test_titles_in_kazakh():
    result = CliRunner().invoke(cli, ["progress", "--lang", "kk"])
    assert result.exit_code == 0
    assert "басталмаған" in result.output
    assert curriculum.exercise(10).title_in("kk") in result.output
    assert "Келесісі: 1-жаттығу" in result.output


def test_a_zip_or_another_seed_is_not_practice(tmp_path):
    """Checking a zip before upload (or a classmate's), or trying another seed, leaves
    `grade progress` as the student's own folder on the course's inputs made it."""
    import shutil

    runner = CliRunner()
    bad = submission_with(tmp_path / "bad", {3: MISTAKES / "ex03_step_sign_flipped.py"})
    runner.invoke(cli, ["exercise", "3", "--submission", str(bad)])
    good = submission_with(tmp_path / "good", {})
    archive = shutil.make_archive(str(tmp_path / "handed_in"), "zip", good)
    for extra, said in ((["--submission", archive], "A zip is graded as handed in: `grade progress` keeps"),
                        (["--submission", str(good), "--seed", "7"], "Graded with --seed: an experiment")):
        graded = runner.invoke(cli, ["exercise", "3", *extra, "--lang", "en"])
        assert graded.exit_code == 0 and "11/11" in graded.output, graded.output
        assert said in graded.output  # the student is told why progress does not move
        assert "Zip-архив тапсырылатын жұмыс ретінде" in runner.invoke(cli, ["exercise", "3", "--submission", archive, "--lang", "kk"]).output
    table = rows(runner.invoke(cli, ["progress", "--lang", "en"]).output)
    assert "failing" in table[3] and "11/11" not in table[3]
    recorded = runner.invoke(cli, ["exercise", "3", "--submission", str(good), "--lang", "en"]).output
    assert "grade progress" not in recorded
    table = rows(runner.invoke(cli, ["progress", "--lang", "en"]).output)
    assert "passing" in table[3] and "11/11" in table[3]
