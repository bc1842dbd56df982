"""The gradebook: one sqlite file in the output folder, the source of every aggregate view.

Each student's result is committed in one transaction as soon as it is graded; a re-run
skips the students whose submission hash and grading options (seed, exercises, language,
timeout, kit version, grader fingerprint) are unchanged and whose grading did not fail inside
the grader.

Tables (see docs/cluster.md for example queries):
  students(student, source)
  submissions(student, content_hash, options, seed, exercises, lang, graded_at, score,
              max_score, error_id, error, internal_error, record)
  exercise_results(student, exercise, title, score, max_score, output)
  tests(student, exercise, name, title, status, score, max_score, message, diagnosis)
  history(student, content_hash, seed, exercises, graded_at, score, max_score, error_id,
          internal_error): every grading ever saved, the current ones included (kept when a
          student's record is replaced or removed)
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from contextlib import closing
from typing import Iterator
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = "1"
GRADEBOOK = "gradebook.sqlite"  # its name in the output folder

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS students (
    student TEXT PRIMARY KEY,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
    student TEXT PRIMARY KEY REFERENCES students(student) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    options TEXT NOT NULL,
    seed INTEGER NOT NULL,
    exercises TEXT NOT NULL,
    lang TEXT NOT NULL,
    graded_at TEXT NOT NULL,
    score REAL NOT NULL,
    max_score REAL,
    error_id TEXT,
    error TEXT,
    internal_error INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exercise_results (
    student TEXT NOT NULL REFERENCES submissions(student) ON DELETE CASCADE,
    exercise INTEGER NOT NULL,
    title TEXT NOT NULL,
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    output TEXT NOT NULL,
    PRIMARY KEY (student, exercise)
);
CREATE TABLE IF NOT EXISTS tests (
    student TEXT NOT NULL REFERENCES submissions(student) ON DELETE CASCADE,
    exercise INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'error', 'timeout')),
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    message TEXT NOT NULL,
    diagnosis TEXT,
    PRIMARY KEY (student, exercise, position)
);
CREATE INDEX IF NOT EXISTS tests_by_exercise ON tests (exercise, status, diagnosis);
CREATE TABLE IF NOT EXISTS history (
    student TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    seed INTEGER NOT NULL,
    exercises TEXT NOT NULL,
    graded_at TEXT NOT NULL,
    score REAL NOT NULL,
    max_score REAL,
    error_id TEXT,
    internal_error INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_student ON history (student, graded_at);
"""


@dataclass(frozen=True)
class Stored:
    """One student's current record, as read back from the gradebook."""

    student: str
    source: str
    content_hash: str
    options: str
    seed: int
    graded_at: str
    error_id: str | None
    error: str | None
    internal_error: bool
    record: dict
    record_json: str  # the record as written to results/<student>.json

    @property
    def score(self) -> float:
        return float(self.record.get("score", 0.0))


@dataclass(frozen=True)
class LastTotal:
    """A student's current total, the exercises it counts, whether it was graded (not a
    submission that could not be, nor a grader failure), and the submission's content hash."""

    score: float
    exercises: str
    graded: bool
    content_hash: str = ""


def seeds_in(path: Path) -> list[int]:
    """The seeds of the gradings in the gradebook at `path` ([] if there is none, or it is not
    a gradebook). Read only, unless a run killed while saving left a hot journal: a read-only
    connection cannot roll it back and fails, so a writing one does, as the next run would."""
    if not Path(path).is_file():
        return []
    for target, uri in ((f"{Path(path).resolve().as_uri()}?mode=ro", True), (str(path), False)):
        try:
            with closing(sqlite3.connect(target, uri=uri)) as db:
                return [row[0] for row in db.execute("SELECT DISTINCT seed FROM submissions ORDER BY seed")]
        except sqlite3.Error:
            continue
    return []


class Gradebook:
    """The sqlite gradebook of one output folder."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions only
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.executescript(SCHEMA)
        found = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif found[0] != SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"{self.path}: schema version {found[0]}, this grader writes {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Gradebook":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_current(self, student: str, content_hash: str, options: str) -> bool:
        """Graded already with this very submission and these options, without a grader failure."""
        return self.options_of(student, content_hash) == options

    def options_of(self, student: str, content_hash: str) -> str | None:
        """The options the student's current record was graded with, if that record is of this
        very submission and the grader did not fail on it (None otherwise)."""
        row = self.db.execute(
            "SELECT options FROM submissions WHERE student = ? AND content_hash = ? AND internal_error = 0",
            (student, content_hash)).fetchone()
        return None if row is None else row[0]

    def save(self, student: str, source: str, content_hash: str, options: str, seed: int, exercises: str,
             lang: str, record: dict, error_id: str | None, error: str | None, internal_error: bool,
             record_json: str) -> Stored:
        """Replace the student's record in one transaction; return it as `records` reads it back."""
        now = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("INSERT INTO students VALUES (?, ?) ON CONFLICT(student) DO UPDATE SET source = excluded.source",
                       (student, source))
            # The rows of the record it replaces, named one by one: a record deleted by hand in the
            # sqlite3 shell, where foreign keys are off and nothing cascades, leaves these behind.
            for table in ("tests", "exercise_results", "submissions"):
                db.execute(f"DELETE FROM {table} WHERE student = ?", (student,))
            db.execute("INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (student, content_hash, options, seed, exercises, lang, now, float(record.get("score", 0.0)),
                        record.get("max_score"), error_id, error, int(internal_error), record_json))
            db.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (student, content_hash, seed, exercises, now, float(record.get("score", 0.0)),
                        record.get("max_score"), error_id, int(internal_error)))
            for ex in record.get("exercises", []):
                db.execute("INSERT INTO exercise_results VALUES (?, ?, ?, ?, ?, ?)",
                           (student, ex["exercise"], ex["title"], ex["score"], ex["max_score"], ex.get("output", "")))
                db.executemany("INSERT INTO tests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                    (student, ex["exercise"], position, t["name"], t.get("title", t["name"]), t["status"], t["score"],
                     t["max_score"], t.get("message", ""), t.get("diagnosis"))
                    for position, t in enumerate(ex["tests"])])
            db.execute("COMMIT")
        except BaseException:  # Ctrl-C may land on COMMIT itself, which then has ended the transaction
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return Stored(student, source, content_hash, options, seed, now, error_id, error, internal_error,
                      json.loads(record_json), record_json)

    def records(self, students: list[str] | None = None) -> Iterator[Stored]:
        """The current records (of `students` only, when given), sorted by student, one at a time."""
        rows = self.db.execute(
            "SELECT s.student, st.source, s.content_hash, s.options, s.seed, s.graded_at, s.error_id, s.error,"
            " s.internal_error, s.record FROM submissions s JOIN students st USING (student) ORDER BY s.student")
        wanted = None if students is None else set(students)
        for r in rows:
            if wanted is None or r[0] in wanted:
                yield Stored(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), json.loads(r[9]), r[9])

    def last_total(self, student: str) -> LastTotal | None:
        """The student's current total, before a new grading replaces it; when the grader failed
        that grading (its points are not the student's), the last one it did not fail, from the
        history."""
        row = self.db.execute("SELECT score, exercises, error_id, internal_error, content_hash FROM submissions "
                              "WHERE student = ?", (student,)).fetchone()
        if row is not None and row[3]:
            row = self.db.execute("SELECT score, exercises, error_id, internal_error, content_hash FROM history "
                                  "WHERE student = ? AND internal_error = 0 ORDER BY rowid DESC LIMIT 1",
                                  (student,)).fetchone() or row
        return None if row is None else LastTotal(float(row[0]), row[1], row[2] is None and not row[3], row[4] or "")

    def not_gradable(self) -> list[str]:
        """The students whose current record is a submission that could not be graded."""
        return [r[0] for r in self.db.execute(
            "SELECT student FROM submissions WHERE error_id IS NOT NULL AND internal_error = 0 ORDER BY student")]

    def students(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT student FROM submissions ORDER BY student")]

    def ever_graded(self, student: str) -> bool:
        """Whether the history has a grading of the student (kept when the current record is
        deleted by hand, to grade the student again)."""
        return self.db.execute("SELECT 1 FROM history WHERE student = ? LIMIT 1", (student,)).fetchone() is not None
