"""grade release: the student edition holds stubs, statements, grader and recorded answers, no reference."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from grader.sandbox import protocol
from tests.conftest import MISTAKES, REFERENCE, STUBS, submission_with


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release") / "student-kit"
    done = subprocess.run([sys.executable, "-m", "grader", "release", str(out), "--lang", "en"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "no reference source" in done.stdout
    return out


# Runs `grade` from the edition as a student's machine would: no `reference` package, the
# edition's own `grader` (the instructor's editable install maps both to the kit: undone here).
IN_EDITION = """
import sys
edition, kit = sys.argv[1], sys.argv[2]
sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
sys.path[:] = [edition] + [p for p in sys.path if p not in ("", ".", kit)]
import importlib.util
assert importlib.util.find_spec("reference") is None
import grader
assert grader.__file__.startswith(edition), grader.__file__
from grader.cli import main
sys.argv = ["grade", *sys.argv[3:]]
main()
"""


def test_students_get_the_same_tests_diagnoses_and_points_from_the_edition(edition: Path, tmp_path: Path):
    submission = submission_with(tmp_path / "sub", {3: MISTAKES / "ex03_step_sign_flipped.py",
                                                    14: MISTAKES / "ex14_eps_inside_root.py",
                                                    8: MISTAKES / "ex08_last_batch_dropped.py"})
    script = tmp_path / "in_edition.py"
    script.write_text(IN_EDITION)
    kit = str(REFERENCE.parent)
    student = subprocess.run([sys.executable, str(script), str(edition), kit, "exercise", "all", "--json",
                              "--submission", str(submission)], capture_output=True, text=True, timeout=300,
                             cwd=tmp_path)
    instructor = subprocess.run([sys.executable, "-m", "grader", "exercise", "all", "--json", "--submission",
                                 str(submission)], capture_output=True, text=True, timeout=300)
    assert student.returncode == instructor.returncode == 1, student.stderr
    record = json.loads(student.stdout)
    assert record == json.loads(instructor.stdout)
    diagnoses = {t["diagnosis"] for ex in record["exercises"] for t in ex["tests"]}
    assert {"step_sign_flipped", "eps_inside_root"} <= diagnoses
    other_seed = subprocess.run([sys.executable, str(script), str(edition), kit, "exercise", "3", "--seed", "7",
                                 "--submission", str(submission)], capture_output=True, text=True, timeout=300,
                                cwd=tmp_path)
    assert other_seed.returncode == 2 and "2026" in other_seed.stderr


def test_edition_has_stubs_statements_and_grader_but_no_reference(edition: Path):
    from grader.batch.release import leaks

    assert not (edition / "reference").exists() and not (edition / "grader" / "variants").exists()
    for stub in STUBS.glob("ex*.py"):
        assert (edition / "exercises" / stub.name).read_bytes() == stub.read_bytes()
    for lang in ("kk", "ru", "en"):
        assert "gradient_step" in (edition / "statements" / f"{lang}.md").read_text(encoding="utf-8")
    assert (edition / "grader" / "engine.py").is_file() and (edition / "grader" / "suites" / "test_ex03.py").is_file()
    assert not list(edition.rglob("*.pyc"))
    pyproject = (edition / "pyproject.toml").read_text(encoding="utf-8")
    assert 'include = ["grader*", "quizzes"]' in pyproject and "reference" not in pyproject
    assert (edition / "quizzes" / "07_momentum.yaml").read_bytes() == (REFERENCE.parent / "quizzes" / "07_momentum.yaml").read_bytes()
    assert leaks(edition) == []
    manifest = json.loads((edition / "RELEASE.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 2026 and "reference/ex03_gradient_step.py" not in manifest["files"]


def test_answers_of_the_reference_and_the_variants_are_recorded(edition: Path):
    answers = json.loads(gzip.decompress((edition / "grader" / "recorded" / "answers-seed2026.json.gz").read_bytes()))
    (key,) = [k for k in answers if "test_ex03" in k and "test_lecture_example" in k]
    lecture = answers[key]
    # gradient_step([1, 2], [0.5, -1], -0.1) = v + step · g, and the flipped-sign mistake.
    np.testing.assert_allclose(protocol.decode(lecture["expected"]), [0.95, 2.1])
    np.testing.assert_allclose(protocol.decode(lecture["variants"]["step_sign_flipped"]), [1.05, 1.9])
    assert any("test_ex17" in k for k in answers)


def test_leak_check_finds_reference_source(tmp_path: Path):
    from grader.batch.release import leaks

    (tmp_path / "exercises").mkdir()
    shutil.copyfile(REFERENCE / "ex14_adam.py", tmp_path / "exercises" / "ex14_adam.py")
    assert any("ex14_adam.py" in leak for leak in leaks(tmp_path))


def test_release_refuses_a_non_empty_folder(tmp_path: Path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    done = subprocess.run([sys.executable, "-m", "grader", "release", str(tmp_path / "full")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "not an empty folder" in done.stderr


def test_the_edition_plots_against_the_recorded_reference(edition: Path, tmp_path: Path):
    from grader import plots

    recorded = json.loads(gzip.decompress((edition / "grader" / "recorded" / "plots.json.gz").read_bytes()))
    assert sorted(int(n) for n in recorded) == plots.PLOTTABLE
    for number in (4, 10, 17):
        run, live = protocol.decode(recorded[str(number)]), plots.reference_run(number)
        for name, path in live.paths.items():
            assert np.array_equal(run["paths"][name], path)
        assert (run["picked"] is None) == (live.picked is None)
    script = tmp_path / "in_edition.py"
    script.write_text(IN_EDITION)
    submission = submission_with(tmp_path / "sub", {10: MISTAKES / "ex10_damped_momentum.py"})
    done = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), "plot", "10",
                           "--out", str(tmp_path / "momentum.png"), "--submission", str(submission)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "momentum.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_batch_in_the_edition_refuses_a_seed_without_recorded_answers_before_recording_anything(edition: Path,
                                                                                                  tmp_path: Path):
    submission = submission_with(tmp_path / "class" / "alice", {})
    script = tmp_path / "in_edition.py"
    script.write_text(IN_EDITION)
    out = tmp_path / "out"
    refused = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), "batch",
                              str(submission.parent), "--out", str(out), "--seed", "7", "--exercises", "3",
                              "--lang", "en"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "2026" in refused.stderr and "Traceback" not in refused.stderr
    assert not out.exists() or not any(out.iterdir())


BESIDE_ANOTHER_REFERENCE = IN_EDITION.replace(
    'sys.path[:] = [edition] + [p for p in sys.path if p not in ("", ".", kit)]\nimport importlib.util\n'
    'assert importlib.util.find_spec("reference") is None\n',
    'sys.path[:] = [edition] + [p for p in sys.path if p not in ("", ".", kit)] + [kit]\nimport importlib.util\n'
    'assert importlib.util.find_spec("reference").submodule_search_locations[0].startswith(kit)\n')


def test_the_edition_replays_its_answers_even_where_another_reference_is_importable(edition: Path, tmp_path: Path):
    """A `reference` package importable from elsewhere (the instructor's checkout installed
    beside the edition) is not the edition's: it still grades with its recorded answers (seed
    2026 only), never with that package."""
    assert BESIDE_ANOTHER_REFERENCE != IN_EDITION
    submission = submission_with(tmp_path / "class" / "alice", {})
    script = tmp_path / "beside.py"
    script.write_text(BESIDE_ANOTHER_REFERENCE)
    refused = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), "batch",
                              str(submission.parent), "--out", str(tmp_path / "out"), "--seed", "7", "--exercises", "3",
                              "--lang", "en"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert refused.returncode == 2 and "2026" in refused.stderr, refused.stdout + refused.stderr
    graded = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), "exercise", "3",
                             "--json", "--submission", str(submission)], capture_output=True, text=True, timeout=300)
    assert graded.returncode == 0 and json.loads(graded.stdout)["score"] == 11, graded.stderr


def test_the_readme_says_how_to_choose_the_language_and_its_commands_work_verbatim(edition: Path, tmp_path: Path):
    """Each language's part names --lang and GRADE_LANG, grade show, hint, progress and the
    quizzes; every `grade …` line of it runs as written in the edition, from a student's folder."""
    readme = (edition / "README.md").read_text(encoding="utf-8")
    parts = readme.split("\n# ")
    assert len(parts) == 3
    commands: set[str] = set()
    for part in parts:
        for needed in ("--lang kk", "GRADE_LANG", "grade show 3", "grade hint 3", "grade progress", "grade quiz list",
                       "grade quiz take", "grade quiz review"):
            assert needed in part, (needed, part[:60])
        commands |= {line.split("#")[0].strip() for line in part.splitlines() if line.startswith("    grade ")}
    assert len(commands) == 7  # the same commands in the three languages
    script = tmp_path / "in_edition.py"
    script.write_text(IN_EDITION)
    shutil.copytree(edition / "exercises", tmp_path / "student" / "exercises")  # a student's working folder
    for command in sorted(commands):
        done = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), *command.split()[1:]],
                              capture_output=True, text=True, timeout=300, cwd=tmp_path / "student",
                              stdin=subprocess.DEVNULL)
        # 1: `grade exercise 3` on the stub fails its tests, as it should; never a usage error (2).
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (command, done.stdout, done.stderr)
    # `export GRADE_LANG=ru`: the commands after it speak Russian.
    english = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), "show", "3",
                              "--lang", "en"], capture_output=True, text=True, timeout=300, cwd=tmp_path / "student")
    russian = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), "show", "3"],
                             capture_output=True, text=True, timeout=300, cwd=tmp_path / "student",
                             env={**os.environ, "GRADE_LANG": "ru"})
    assert russian.returncode == 0 and russian.stdout != english.stdout and "Упражнение 3" in russian.stdout


def test_an_edition_released_with_another_seed_grades_with_it_by_default(monkeypatch: pytest.MonkeyPatch):
    """`grade release OUT --seed 7`: its students run `grade exercise 3` without --seed, and
    the edition has answers for 7 only; 7 is then the seed (it used to be 2026: 'run without
    --seed' to a student who had)."""
    from grader import grading, oracle

    monkeypatch.setattr(oracle, "reference_available", lambda: False)
    for recorded, expected in (([7], 7), ([2026], 2026), ([7, 2026], 2026), ([3, 7], 2026)):
        monkeypatch.setattr(oracle, "recorded_seeds", lambda recorded=recorded: recorded)
        assert grading.course_seed() == expected, recorded
    monkeypatch.setattr(oracle, "reference_available", lambda: True)  # the instructor's kit: the course's
    assert grading.course_seed() == grading.DEFAULT_SEED


def test_release_refuses_a_negative_seed(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "grader", "release", str(tmp_path / "kit"), "--seed", "-5"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "-5 is not in the range x>=0" in done.stderr and not (tmp_path / "kit").exists()


def test_the_readme_says_how_to_hand_in_and_its_check_grades_the_zip(edition: Path, tmp_path: Path):
    """Each language's part says what to hand in (the files under their names, or a zip of
    exercises/), and the command it gives to check that zip runs as written in the edition."""
    import zipfile

    readme = (edition / "README.md").read_text(encoding="utf-8")
    command = "grade exercise all --submission exercises.zip"
    for part, heading in zip(readme.split("\n# "), ("## Тапсыру", "## Сдача", "## Handing in")):
        assert heading in part and f"`{command}`" in part and "ex03_gradient_step.py" in part, part[:80]
    student = tmp_path / "student"
    shutil.copytree(edition / "exercises", student / "exercises")
    shutil.copy(REFERENCE / "ex03_gradient_step.py", student / "exercises" / "ex03_gradient_step.py")
    with zipfile.ZipFile(student / "exercises.zip", "w") as zf:
        for path in (student / "exercises").glob("*.py"):
            zf.write(path, f"exercises/{path.name}")
    script = tmp_path / "in_edition.py"
    script.write_text(IN_EDITION)
    done = subprocess.run([sys.executable, str(script), str(edition), str(REFERENCE.parent), *command.split()[1:],
                           "--lang", "en"], capture_output=True, text=True, timeout=300, cwd=student)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr  # the stubs fail, ex03 passes
    assert "Exercise 3: One step along the gradient — 11/11" in done.stdout, done.stdout
