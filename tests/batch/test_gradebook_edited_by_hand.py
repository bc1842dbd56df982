"""An instructor who wants one student graded again deletes that student's submission in the
sqlite3 shell, as docs/cluster.md says. There foreign keys are off (sqlite3's default), so the
deletion does not cascade: the student's exercise_results and tests rows stay. Saving the new
grading must replace them; it raised an IntegrityError (UNIQUE constraint failed), so every
later `grade batch` on that folder ended as a grader failure (exit 3)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from grader.batch.store import Gradebook


def _record(score: float) -> dict:
    return {"score": score, "max_score": 3.0, "exercises": [
        {"exercise": 3, "title": "One step", "score": score, "max_score": 3.0, "output": "",
         "tests": [{"name": f"t{i}", "title": f"t{i}", "status": "passed" if i < score else "failed",
                    "score": 1.0 if i < score else 0.0, "max_score": 1.0, "message": "", "diagnosis": None}
                   for i in range(3)]}]}


def _save(book: Gradebook, student: str, score: float) -> None:
    record = _record(score)
    book.save(student, student, f"sha256:{score}", "{}", 7, "3", "en", record, None, None, False, json.dumps(record))


def test_a_submission_deleted_by_hand_without_foreign_keys_is_graded_again(tmp_path: Path):
    path = tmp_path / "gradebook.sqlite"
    with Gradebook(path) as book:
        _save(book, "alice", 1.0)
        _save(book, "bob", 2.0)
    shell = sqlite3.connect(path)  # as `sqlite3 DIR/gradebook.sqlite`: foreign keys off
    shell.execute("DELETE FROM submissions WHERE student = 'alice'")
    shell.commit()
    assert shell.execute("SELECT COUNT(*) FROM tests WHERE student = 'alice'").fetchone() == (3,)  # left behind
    shell.close()
    with Gradebook(path) as book:
        assert not book.is_current("alice", "sha256:1.0", "{}")  # graded again by the next run
        _save(book, "alice", 3.0)
        assert [(s.student, s.score) for s in book.records()] == [("alice", 3.0), ("bob", 2.0)]
        db = book.db
        assert db.execute("SELECT COUNT(*), SUM(score) FROM tests WHERE student = 'alice'").fetchone() == (3, 3.0)
        assert db.execute("SELECT score FROM exercise_results WHERE student = 'alice'").fetchall() == [(3.0,)]
        assert db.execute("SELECT COUNT(*) FROM tests WHERE student = 'bob'").fetchone() == (3,)  # untouched
