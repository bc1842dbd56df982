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
        if text.startswith("--"):
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
            assert sorted(rows, key=repr) == sorted(expected[comment], key=repr), comment
    finally:
        db.close()
    # The students who could not be graded are among those who have not passed exercise 4.
    assert {row[0] for row in expected["who has not passed exercise 4, with those whose submission could not be graded"]} >= set(BROKEN)
