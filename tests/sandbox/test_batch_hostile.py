"""The hostile corpus through `grade batch`: in a class where several students attack, each
attacked exercise scores 0, every other cell keeps full marks, the honest student is untouched,
no process survives, nothing outside changes, and every output stays valid."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from grader.sandbox.isolation import namespaces_available

from ..conftest import HOSTILE, importers_of, submission_with

ATTACKS = {  # student -> (exercise, hostile file)
    "hangs": (3, "ex03_ignores_sigterm"),
    "daemon": (3, "ex03_daemon"),
    "floods": (3, "ex03_floods_output"),
    "patches": (5, "ex05_monkeypatches"),
    "exits": (5, "ex05_exit_at_import"),
    "lies": (1, "ex01_lying_objects"),
    "searches": (3, "ex03_searches_disk"),
    "huge": (1, "ex01_huge_integers"),
    "surrogates": (3, "ex03_raises_lone_surrogates"),  # once stopped the whole batch
}
EXERCISES = range(1, 7)


@pytest.mark.skipif(not namespaces_available(), reason="the disk search is only contained with namespaces")
def test_a_hostile_class(tmp_path: Path):
    submissions = tmp_path / "class"
    submission_with(submissions / "honest", {})
    for student, (number, name) in ATTACKS.items():
        submission_with(submissions / student, {number: HOSTILE / f"{name}.py"})
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "batch", str(submissions), "--out", str(out),
                           "--exercises", "1-6", "--timeout", "2", "--workers", "2"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {row["student"]: row for row in csv.DictReader((out / "grades.csv").open())}
    full = {n: json.loads((out / "results" / "honest.json").read_text())["exercises"][n - 1]["max_score"] for n in EXERCISES}
    assert all(float(rows["honest"][f"ex{n:02d}"]) == full[n] for n in EXERCISES)
    for student, (number, _) in ATTACKS.items():
        record = json.loads((out / "results" / f"{student}.json").read_text())
        for n in EXERCISES:
            cell = float(rows[student][f"ex{n:02d}"])
            if n == number:
                # The daemon's answers are right: it attacks only by trying to outlive grading.
                assert cell < full[n] or student == "daemon", student
            elif n not in importers_of(number):
                assert cell == full[n], (student, n)
        assert len(json.dumps(record)) < 1_000_000
    assert "gdkit-hostile-daemon-marker" not in subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout


@pytest.mark.xfail(strict=True, reason="open hole (docs/security.md): a module may print only outside the batch's shared process")
def test_a_batch_shows_what_grade_exercise_shows(tmp_path: Path):
    submission = submission_with(tmp_path / "class" / "quiet", {5: HOSTILE / "ex05_prints_only_alone.py"})
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out),
                           "--exercises", "1-6", "--workers", "1"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    record = json.loads((out / "results" / "quiet.json").read_text())
    assert "gdkit-hidden-print-marker" in record["exercises"][4]["output"]
