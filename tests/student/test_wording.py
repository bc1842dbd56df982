"""Student-facing wording found wanting by an audit: no English glosses in kk/ru, the
exercise's own number in the last hint, a syntax error's place as file:line, narrow terminals."""

from __future__ import annotations

import re
import subprocess
import sys

from click.testing import CliRunner

from grader import curriculum
from grader.cli import cli
from grader.grading import grade_submission

from ..conftest import submission_with

ENGLISH_WORDS = re.compile(r"\b(section|the|in Python|question|line)\b")


def test_show_cites_the_lecture_without_english_glosses_in_kk_and_ru():
    for number in (exercise.number for exercise in curriculum.all_exercises()):
        for lang in ("kk", "ru"):
            shown = CliRunner().invoke(cli, ["show", str(number), "--lang", lang]).output
            source_line = next(line for line in shown.splitlines() if line.startswith(("Дереккөз:", "Источник:")))
            assert not ENGLISH_WORDS.search(source_line), (number, lang, source_line)
    english = CliRunner().invoke(cli, ["show", "3", "--lang", "en"]).output
    assert "Source: Lecture 6 (in Kazakh), «Қадамды таңдау" in english and ".txt" not in english


def test_show_refills_a_numbered_rule_as_one_item():
    """Exercise 16's rules are numbered items over several source lines: refilled to the
    width as whole items, their text under their text, not cut where the source lines end."""
    from grader.commands.learning import reflowed

    statement = curriculum.exercise(16).statement["ru"]
    for width in (60, 80, 100):
        lines = reflowed(statement, width).splitlines()
        assert all(len(line) <= width for line in lines if "diagnose_training" not in line)
        start = next(i for i, line in enumerate(lines) if line.startswith("  2. \"oscillating\""))
        end = next(i for i, line in enumerate(lines) if line.startswith("  3. "))
        item = lines[start:end]
        assert len(item) >= 2 and all(line.startswith("     ") and line[5] != " " for line in item[1:])
        words = " ".join(line.strip() for line in item).split()
        assert words[0] == "2." and words[1:] == statement.split("  2. ")[1].split("  3. ")[0].split()
    formula = reflowed(curriculum.exercise(15).statement["en"], 200)
    assert "\n               v̂ = v_max_new / (1 − β2^t)" in formula  # a formula's lines stay lines


def test_show_moves_a_formula_left_when_its_column_leaves_it_no_room():
    """ex09's cosine schedule sits in a column at 48 under a long signature: at 80 columns it
    was cut in three ("(eta0 −" | "eta_min)·(1 + cos(π·k /" | "total)) / 2")."""
    from grader.commands.learning import FORMULA_INDENT, reflowed

    for lang in ("kk", "ru", "en"):
        lines = reflowed(curriculum.exercise(9).statement[lang], 79).splitlines()
        formula = [line for line in lines if "eta_min + (eta0" in line]
        assert formula == [" " * FORMULA_INDENT + "η_k = eta_min + (eta0 − eta_min)·(1 + cos(π·k / total)) / 2"], lang
        assert any(line.endswith("η_k = eta0 / k") and line.index("η_k") > 40 for line in lines)  # a formula that fits keeps its column


def test_hints_fit_the_terminal(monkeypatch):
    from grader.reports import terminal

    monkeypatch.setattr(terminal, "terminal_width", lambda: 50)
    runner = CliRunner()
    runner.invoke(cli, ["hint", "7", "--reset"])
    shown = "".join(runner.invoke(cli, ["hint", "7", "--lang", "kk"]).output for _ in range(3))
    assert all(len(line) <= 50 for line in shown.splitlines()), shown
    assert "losses.append(бүкіл" in shown.replace("\n", " ")


def test_the_last_hint_names_its_own_exercise():
    runner = CliRunner()
    for _ in range(6):
        shown = runner.invoke(cli, ["hint", "3", "--lang", "ru"]).output
    assert "`grade hint 3 --again`" in shown and "hint N" not in shown


def test_a_syntax_error_is_placed_as_file_and_line(tmp_path):
    broken = tmp_path / "ex03.py"
    broken.write_text("def gradient_step(v, gradient, step_size)\n    return v\n", encoding="utf-8")
    (exercise,) = grade_submission(submission_with(tmp_path / "s", {3: broken}), curriculum.select("3"), lang="kk").exercises
    message = exercise.tests[0].message
    assert "exercises/ex03_gradient_step.py:1: def gradient_step(v, gradient, step_size)" in message
    assert ", line " not in message


def test_a_non_number_is_refused_in_the_language():
    """click's own message, translated as the real command does it (python -m grader)."""
    for lang, wording in (("kk", "'abc' — жарамды сан емес"), ("ru", "'abc' — не число")):
        result = subprocess.run([sys.executable, "-m", "grader", "hint", "abc", "--lang", lang],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and wording in result.stderr and "integer" not in result.stderr


def test_list_keeps_the_statuses_in_one_column():
    for lang, status in (("kk", "басталмаған"), ("ru", "не начато"), ("en", "not started")):
        lines = CliRunner().invoke(cli, ["list", "--lang", lang]).output.splitlines()
        assert len(lines) == len(curriculum.all_exercises()) and len({line.index(status) for line in lines}) == 1, lang


def test_a_half_done_exercise_names_the_function_still_to_write(tmp_path):
    from ..conftest import ROOT

    stub = (ROOT / "exercises" / "ex01_sum_of_squares.py").read_text(encoding="utf-8")
    half = stub.replace('''    raise NotImplementedError(
        "Exercise 1: sum_of_squares is not implemented yet — see `grade show 1`"
    )''', "    return float(sum(x * x for x in v))")
    assert half != stub
    (tmp_path / "ex01.py").write_text(half, encoding="utf-8")
    (exercise,) = grade_submission(submission_with(tmp_path / "s", {1: tmp_path / "ex01.py"}), curriculum.select("1"),
                                   lang="kk").exercises
    failed = [t for t in exercise.tests if t.score < t.max_score]
    assert 0 < exercise.score < exercise.max_score and failed
    assert all(t.message.startswith("Әлі жазылмаған: sum_of_squares_gradient.") for t in failed)


def test_a_renamed_parameter_points_to_the_signature(tmp_path):
    """momentum_update(w, grad, h, lr=…): the suite's call fails before any line of the student's
    runs, so there is no line to read; the message says to keep the statement's signature."""
    from ..conftest import ROOT

    renamed = tmp_path / "ex10.py"
    renamed.write_text((ROOT / "reference" / "ex10_momentum.py").read_text(encoding="utf-8").replace("learning_rate", "lr"),
                       encoding="utf-8")
    (exercise,) = grade_submission(submission_with(tmp_path / "s", {10: renamed}), curriculum.select("10"), lang="ru").exercises
    failed = [t for t in exercise.tests if t.score < t.max_score]
    assert failed and {t.diagnosis for t in failed} == {"wrong_signature"}
    assert all("unexpected keyword argument 'learning_rate'. " in t.message and "`grade show 10`" in t.message
               and "указанную строку" not in t.message for t in failed)


def test_one_entry_too_many_is_counted_not_called_a_shape(tmp_path):
    """A loss list with one epoch too many, a trajectory with one step too many: the message
    counts entries (rows) and names the off-by-one, instead of "shape (21,)" of a plain list."""
    from ..conftest import ROOT

    folder = tmp_path / "files"
    folder.mkdir()
    edits = {6: ("ex06_batch_gd.py", "range(epochs)", "range(epochs + 1)"),
             4: ("ex04_gradient_descent.py", "range(max_steps)", "range(max_steps + 1)")}
    files = {}
    for number, (name, old, new) in edits.items():
        text = (ROOT / "reference" / name).read_text(encoding="utf-8")
        assert old in text
        (folder / name).write_text(text.replace(old, new), encoding="utf-8")
        files[number] = folder / name
    report = grade_submission(submission_with(tmp_path / "s", files), curriculum.select("4,6"), lang="en")
    ex04, ex06 = report.exercises
    failed06 = [t for t in ex06.tests if t.score < t.max_score]
    assert failed06 and all("losses has" in t.message and "entries, expected" in t.message and t.diagnosis == "off_by_one"
                            for t in failed06)
    at_max_steps = next(t for t in ex04.tests if t.name == "stops_at_max_steps")
    assert at_max_steps.diagnosis == "off_by_one" and "has 7 rows, expected 6" in at_max_steps.message
    rosenbrock = next(t for t in ex04.tests if t.name == "rosenbrock")
    assert rosenbrock.diagnosis == "off_by_one" and "expected 201, got 202 (at result: number of rows)" in rosenbrock.message


def test_a_hint_that_cannot_be_remembered_says_so(tmp_path, monkeypatch):
    """A data folder that cannot be written (here a file stands where it should be) once kept
    `grade hint` at the first hint forever, without a word."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("GRADE_DATA_DIR", str(blocked))
    runner = CliRunner()
    first = runner.invoke(cli, ["hint", "4", "--lang", "kk"])
    again = runner.invoke(cli, ["hint", "4", "--lang", "kk"])
    assert first.exit_code == again.exit_code == 0
    assert "кеңес 1/" in first.output and "кеңес 1/" in again.output
    # (.output holds stderr too, with click 8.1's CliRunner and 8.2's alike)
    assert "сақтау мүмкін болмады" in first.output and "GRADE_DATA_DIR" in first.output
    monkeypatch.setenv("GRADE_DATA_DIR", str(tmp_path / "data"))
    kept = runner.invoke(cli, ["hint", "4", "--lang", "kk"])
    assert "сақтау мүмкін болмады" not in kept.output and "кеңес 1/" in kept.output
    assert "кеңес 2/" in runner.invoke(cli, ["hint", "4", "--lang", "kk"]).output


def test_a_failed_exercise_says_what_to_do_next(tmp_path):
    """The report ended on "Жалпы ұпай: 0/11" and the red lines: nothing said that
    `grade hint 3` exists. A full score says nothing more."""
    wrong = tmp_path / "ex03.py"
    wrong.write_text("def gradient_step(v, gradient, step_size):\n    return v\n", encoding="utf-8")
    submission = submission_with(tmp_path / "sub", {3: wrong})
    failed = CliRunner().invoke(cli, ["exercise", "3", "--submission", str(submission), "--lang", "kk"])
    assert failed.exit_code == 1
    assert failed.output.splitlines()[-1].startswith("Қиналсаңыз: `grade hint 3` кеңес береді"), failed.output
    passed = CliRunner().invoke(cli, ["exercise", "1", "--submission", str(submission), "--lang", "kk"])
    assert passed.exit_code == 0 and "grade hint" not in passed.output, passed.output
