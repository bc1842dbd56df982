"""A batch notes a missing exercise file's look-alike (a notebook, another number) as `grade
exercise` on the student's folder does: results/<student>.json is that command's record."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from grader.i18n import translate
from tests.conftest import STUBS, submission_with

from .conftest import run_batch

NOTEBOOK = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
            "cells": [{"cell_type": "code", "execution_count": None, "id": "a1", "metadata": {}, "outputs": [],
                       "source": ["def gradient_step(w, grad, learning_rate):\n", "    return w - learning_rate * grad\n"]}]}


def moodle_class(folder: Path) -> dict[str, Path]:
    """Two Moodle folders: ex03 handed in as a notebook only, and as a notebook beside the
    untouched stub; ann also has ex04's file under ex03's number."""
    ann = submission_with(folder / "Ann_100001_assignsubmission_file_", {})
    (ann / "ex03_gradient_step.py").unlink()
    (ann / "ex04_gradient_descent.py").rename(ann / "ex03_gradient_descent.py")
    bob = submission_with(folder / "Bob_100002_assignsubmission_file_", {3: STUBS / "ex03_gradient_step.py"})
    for student in (ann, bob):
        (student / "ex03_gradient_step.ipynb").write_text(json.dumps(NOTEBOOK), encoding="utf-8")
    return {"Ann_100001": ann, "Bob_100002": bob}


def alone(submission: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "grader", "exercise", "3-4", "--json", "--lang", "en",
                           "--submission", str(submission)], capture_output=True, text=True, timeout=300)
    return json.loads(done.stdout)


def messages(record: dict, number: int) -> list[str]:
    return [test["message"] for ex in record["exercises"] if ex["exercise"] == number for test in ex["tests"]]


def test_the_batch_notes_a_notebook_or_another_number_as_grade_exercise_does(tmp_path: Path):
    students = moodle_class(tmp_path / "class")
    out = tmp_path / "out"
    run_batch(tmp_path / "class", out, "--workers", "2", "--exercises", "3-4")
    for student, folder in students.items():
        record = json.loads((out / "results" / f"{student}.json").read_text(encoding="utf-8"))
        assert record == alone(folder), student
    ann = json.loads((out / "results" / "Ann_100001.json").read_text(encoding="utf-8"))
    assert all("ex03_gradient_step.ipynb is a Jupyter notebook" in m for m in messages(ann, 3)), messages(ann, 3)
    assert all("Your folder has ex03_gradient_descent.py" in m for m in messages(ann, 4)), messages(ann, 4)
    bob = json.loads((out / "results" / "Bob_100002.json").read_text(encoding="utf-8"))
    assert all("Your folder also has ex03_gradient_step.ipynb" in m for m in messages(bob, 3)), messages(bob, 3)
    # Every view of the record says it: Gradescope, the student's page, the gradebook.
    gradescope = json.loads((out / "gradescope" / "Ann_100001" / "results.json").read_text(encoding="utf-8"))
    assert any("ex03_gradient_step.ipynb is a Jupyter notebook" in t["output"] for t in gradescope["tests"])
    assert "ex03_gradient_step.ipynb is a Jupyter notebook" in \
        (out / "students" / "Ann_100001.html").read_text(encoding="utf-8")
    with sqlite3.connect(out / "gradebook.sqlite") as db:
        said = db.execute("SELECT message FROM tests WHERE student = 'Ann_100001' AND exercise = 3").fetchall()
    assert said and all("ex03_gradient_step.ipynb" in m for (m,) in said)


def test_a_notebook_taken_away_is_a_changed_submission(tmp_path: Path):
    """The notes come from names the packed zip does not hold: a notebook added, removed or
    renamed changes the submission's hash (graded again), its content does not."""
    students = moodle_class(tmp_path / "class")
    out = tmp_path / "out"
    run_batch(tmp_path / "class", out, "--workers", "1", "--exercises", "3-4")
    (students["Bob_100002"] / "ex03_gradient_step.ipynb").write_text(json.dumps({**NOTEBOOK, "cells": []}))
    (students["Ann_100001"] / "ex03_gradient_step.ipynb").unlink()
    done = run_batch(tmp_path / "class", out, "--workers", "1", "--exercises", "3-4")
    assert "graded 1, unchanged and skipped 1" in done.stdout, done.stdout
    ann = json.loads((out / "results" / "Ann_100001.json").read_text(encoding="utf-8"))
    assert ann == alone(students["Ann_100001"])
    assert not any("ipynb" in m for m in messages(ann, 3)), messages(ann, 3)


def test_with_the_instructor_s_seed_gradescope_still_names_the_notebook_beside_the_stub(tmp_path: Path):
    """With a seed of the instructor's own, Gradescope leaves a stub's message out (its exception
    text is the student's, who may make it of the hidden inputs); the notebook beside it is named
    from the record's `notebook_beside`, the names intake found."""
    moodle_class(tmp_path / "class")
    out = tmp_path / "out"
    run_batch(tmp_path / "class", out, "--workers", "1", "--exercises", "3", "--seed", "424242")
    bob = json.loads((out / "results" / "Bob_100002.json").read_text(encoding="utf-8"))
    assert bob["exercises"][0]["notebook_beside"] == "ex03_gradient_step.ipynb"
    assert "notebook_beside" not in json.loads((out / "results" / "Ann_100001.json").read_text(encoding="utf-8"))["exercises"][0]
    gradescope = json.loads((out / "gradescope" / "Bob_100002" / "results.json").read_text(encoding="utf-8"))
    stubs = [t["output"] for t in gradescope["tests"]]
    hidden = translate("batch.gradescope.numbers_hidden", "en", number=3)
    assert stubs and all("Your folder also has ex03_gradient_step.ipynb" in o and hidden in o for o in stubs), stubs[:1]
    assert not any("NotImplementedError:" in o for o in stubs)  # the message itself stays out
