"""What report.html says about the class, from hand-made records (no grading here)."""

from __future__ import annotations

import json
import re

from grader.batch import html
from grader.batch.store import Stored
from grader.i18n import translate


def stored(student: str, diagnoses: list[str | None], exercise: int = 6) -> Stored:
    """A student whose exercise `exercise` has one test per entry of `diagnoses` (None: passed)."""
    tests = [{"name": f"t{i}", "title": f"t{i}", "status": "passed" if d is None else "failed",
              "score": 1.0 if d is None else 0.0, "max_score": 1.0, "message": "", "diagnosis": d}
             for i, d in enumerate(diagnoses)]
    score = sum(t["score"] for t in tests)
    record = {"score": score, "max_score": float(len(tests)), "exercises": [
        {"exercise": exercise, "title": "Batch GD", "score": score, "max_score": float(len(tests)), "output": "",
         "tests": tests}]}
    return Stored(student, student, "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record, json.dumps(record))


def test_named_mistakes_come_first_and_generic_causes_on_a_line_of_their_own():
    tally = html.ClassTally((6,))
    for i in range(4):
        tally.add(stored(f"stub{i}", ["not_implemented", "not_implemented"]))
    for i in range(3):
        tally.add(stored(f"slow{i}", ["timeout", "depends_on"]))
    for i in range(2):
        tally.add(stored(f"crash{i}", ["raised_exception", "syntax_error", "missing_file", "grader_error"]))
    tally.add(stored("seq", ["sequential_update", None]))  # one student, a real mistake
    tally.add(stored("loss", ["loss_before_update", None]))
    page = html.render_class(tally, "en", 1)
    cell = re.search(r'<td class="diag">(.*?)</td>', page, re.S).group(1)
    mistakes = re.findall(r'<div class="mistake">.*?<code>([a-z_0-9]+)</code>', cell, re.S)
    assert mistakes == ["loss_before_update", "sequential_update"]  # both, though each is one student's
    assert translate("diagnosis.ex06.sequential_update", "en") in cell
    other = re.search(r'<div class="other-causes[^"]*">(.*?)</div>', cell, re.S).group(1)
    assert other.strip().startswith(translate("batch.html.other_causes", "en"))
    causes = re.findall(r"<strong>(\d+)</strong> <code>([a-z_]+)</code>", other)
    assert causes[:3] == [("4", "not_implemented"), ("3", "depends_on"), ("3", "timeout")]
    assert {cause for _, cause in causes} == {"not_implemented", "depends_on", "timeout", "raised_exception",
                                             "syntax_error", "missing_file", "grader_error"}
    assert cell.index("sequential_update") < cell.index("other-causes")  # the mistakes first


def test_only_generic_causes_still_show_and_no_cause_shows_the_failing_tests():
    tally = html.ClassTally((6,))
    tally.add(stored("stub", ["not_implemented"]))
    cell = re.search(r'<td class="diag">(.*?)</td>', html.render_class(tally, "en", 1), re.S).group(1)
    assert "not_implemented" in cell and 'class="mistake"' not in cell
    failing = html.ClassTally((6,))
    record = stored("wrong", [None]).record
    record["exercises"][0]["tests"].append({"name": "t9", "title": "Converges", "status": "failed", "score": 0.0,
                                            "max_score": 1.0, "message": "", "diagnosis": None})
    failing.add(Stored("wrong", "wrong", "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record,
                       json.dumps(record)))
    cell = re.search(r'<td class="diag">(.*?)</td>', html.render_class(failing, "en", 1), re.S).group(1)
    assert translate("batch.html.failed_test", "en", test="Converges") in cell
