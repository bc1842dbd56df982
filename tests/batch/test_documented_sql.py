"""Every SQL query docs/cluster.md shows runs on a real gradebook and answers its question,
counting the students whose submission could not be graded."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

from grader.batch import outputs

from .conftest import BROKEN, STUDENTS

CLUSTER_MD = Path(__file__).resolve().parents[2] / "docs" / "cluster.md"


def documented_queries() -> dict[str, str]:
    """{comment: query} of the indented `-- comment` + SQL blocks of the gradebook section."""
    section = CLUSTER_MD.read_text(encoding="utf-8").split("### Querying the gradebook", 1)[1].split("\n## ", 1)[0]
    queries: dict[str, str] = {}
    comment = None
    for line in section.splitlines():
        text = line.strip()
        if not line.startswith("    ") or not text or text.startswith("sqlite3 "):
            continue
        if text.startswith("--") and comment is not None and queries[comment] == "":  # the comment goes on
            del queries[comment]
            comment = f"{comment} {text[2:].strip()}"
            queries[comment] = ""
        elif text.startswith("--"):
            comment = text[2:].strip()
            queries[comment] = ""
        else:
            assert comment is not None, f"a query without a comment: {text}"
            queries[comment] += text + "\n"
    return queries


def _records(out: Path) -> dict[str, dict]:
    return {s: json.loads((out / "results" / f"{s}.json").read_text(encoding="utf-8")) for s in STUDENTS}


def graded_at(student: str, out: Path) -> str:
    with closing(sqlite3.connect(out / "gradebook.sqlite")) as db:
        return db.execute("SELECT graded_at FROM submissions WHERE student = ?", (student,)).fetchone()[0]


MEANS = ("each exercise's mean and pass rate as report.html shows them: a submission that could not be "
         "graded counts 0 points (it has no exercise_results rows: AVG(score) alone leaves it out)")


def per_exercise_as_the_report_shows(records: dict[str, dict]) -> list[tuple[int, float, float]]:
    """(exercise, mean, pass rate) as report.html's table of exercises computes them, from the
    records: every student in the denominator, a submission that could not be graded with 0."""
    from grader.batch.html import ClassTally
    from grader.batch.store import Stored

    numbers = tuple(sorted({ex["exercise"] for r in records.values() for ex in r["exercises"]}))
    tally = ClassTally(numbers)
    for student, record in sorted(records.items()):
        error = (record.get("error") or {}).get("message")
        tally.add(Stored(student, student, "", "", 2026, "", None, error, False, record, json.dumps(record)))
    view = tally.view("en")
    return [(row["number"], row["mean"], row["pass_rate"]) for row in view["exercises"]]


def test_every_documented_query_runs_and_gives_the_expected_rows(baseline: Path):
    queries = documented_queries()
    records = _records(baseline)
    assert set(BROKEN) <= set(records) and all(records[s].get("error") for s in BROKEN)
    # As the report counts them: a missing file, a stub, a timeout, … is no mistake of the method.
    mistakes = Counter((ex["exercise"], diagnosis) for record in records.values() for ex in record["exercises"]
                       for diagnosis in {t["diagnosis"] for t in ex["tests"] if outputs.is_mistake(t["diagnosis"])})
    assert any(t["diagnosis"] in outputs.NOT_MISTAKES for record in records.values()
               for ex in record["exercises"] for t in ex["tests"]), "the class shows no diagnosis to leave out"
    not_passed_4 = []
    for student, record in sorted(records.items()):
        (ex4,) = [ex for ex in record["exercises"] if ex["exercise"] == 4] or [None]
        if ex4 is None or ex4["score"] < ex4["max_score"]:
            not_passed_4.append((student, ex4 and ex4["score"], ex4 and ex4["max_score"]))
    expected = {
        "the most frequent mistakes, in students (as report.html counts them)":
            sorted((e, d, c) for (e, d), c in mistakes.items()),
        "who has not passed exercise 4, with those whose submission could not be graded": not_passed_4,
        "submissions that could not be graded, and why": [(s, records[s]["error"]["message"]) for s in sorted(BROKEN)],
        MEANS: per_exercise_as_the_report_shows(records),
        # One run (the course's seed, 2026): alice's history is her current grading.
        "one student's totals over the semester": [(graded_at("alice", baseline), 2026, records["alice"]["score"],
                                                    records["alice"]["max_score"], None)],
    }
    assert set(queries) == set(expected), "a documented query without an expected answer here (or the reverse)"
    # The query leaves out exactly what the report does not count as a mistake (outputs.NOT_MISTAKES).
    left_out = set(re.findall(r"'([a-z0-9_]+)'", queries["the most frequent mistakes, in students (as report.html counts them)"]))
    assert left_out == set(outputs.NOT_MISTAKES)
    db = sqlite3.connect(baseline / "gradebook.sqlite")
    try:
        for comment, query in queries.items():
            rows = db.execute(query).fetchall()
            if comment == MEANS:  # (SQLite rounds halves away from 0, Python to even)
                assert [e for e, _, _ in rows] == [e for e, _, _ in expected[comment]], rows
                assert all(abs(a - b) <= 0.0101 and abs(c - d) <= 0.101 for (_, a, c), (_, b, d) in zip(rows, expected[comment])), (rows, expected[comment])
                continue
            assert sorted(rows, key=repr) == sorted(expected[comment], key=repr), comment
    finally:
        db.close()
    # The students who could not be graded are among those who have not passed exercise 4.
    assert {row[0] for row in expected["who has not passed exercise 4, with those whose submission could not be graded"]} >= set(BROKEN)
