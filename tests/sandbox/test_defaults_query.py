"""The defaults query (a failed check names a wrong default) runs none of the student's code:
no __signature__ property, no patched inspect. `grade exercise` asks it in the process that
serves the calls, between them; `grade batch` in a process of its own after them: had the query
run student code, that code could change the answers after it, and the two commands disagree.
What it reports is bounded: a default quoted in a message is at most 100 digits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ..conftest import HOSTILE, submission_with


def grade_both(tmp_path: Path, name: str, number: int) -> tuple[dict, dict]:
    """The exercise's result by `grade exercise` and by `grade batch`, both with seed 7."""
    student = submission_with(tmp_path / "class" / "student", {number: HOSTILE / f"{name}.py"})
    alone = subprocess.run([sys.executable, "-m", "grader", "exercise", str(number), "--submission", str(student),
                            "--json", "--seed", "7", "--timeout", "3"], capture_output=True, text=True, timeout=300)
    assert alone.returncode in (0, 1), alone.stderr[-2000:]
    out = tmp_path / "out"
    batch = subprocess.run([sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out),
                            "--seed", "7", "--exercises", str(number), "--timeout", "3", "--workers", "1"],
                           capture_output=True, text=True, timeout=300)
    assert batch.returncode == 0, batch.stderr[-2000:]
    (exercise,) = json.loads(alone.stdout)["exercises"]
    (in_batch,) = json.loads((out / "results" / "student.json").read_text())["exercises"]
    return exercise, in_batch


def failed(exercise: dict) -> list[dict]:
    return [test for test in exercise["tests"] if test["status"] != "passed"]


def test_a_signature_property_is_not_run_and_both_commands_agree(tmp_path: Path):
    exercise, in_batch = grade_both(tmp_path, "ex04_signature_side_effects", 4)
    assert exercise == in_batch
    assert [test["name"] for test in failed(exercise)] == ["default_max_steps"]
    assert "SIGNATURE READ" not in exercise["output"]


def test_a_patched_inspect_does_not_change_the_defaults_named(tmp_path: Path):
    exercise, in_batch = grade_both(tmp_path, "ex04_patches_inspect", 4)
    assert exercise == in_batch
    (test,) = failed(exercise)
    assert test["diagnosis"] == "wrong_default"
    assert "max_steps=500, the statement says max_steps=1000" in test["message"], test["message"]
    assert "inf" not in test["message"] and len(test["message"]) < 1000


def test_a_default_too_long_to_quote_is_not_quoted(tmp_path: Path):
    exercise, in_batch = grade_both(tmp_path, "ex04_huge_default", 4)
    assert exercise == in_batch
    (test,) = failed(exercise)
    assert test["diagnosis"] != "wrong_default" and len(test["message"]) < 1000, test["message"][:300]
