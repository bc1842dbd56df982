"""The views of the records: Gradescope JSON, the sqlite gradebook, the HTML report."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from grader.i18n import translate

from .conftest import BROKEN, GRADABLE, STUDENTS


def test_gradescope_results_follow_the_autograder_format(baseline: Path):
    for student in STUDENTS:
        gradescope = json.loads((baseline / "gradescope" / student / "results.json").read_text(encoding="utf-8"))
        record = json.loads((baseline / "results" / f"{student}.json").read_text(encoding="utf-8"))
        assert isinstance(gradescope["score"], (int, float)) and gradescope["score"] == record["score"]
        assert isinstance(gradescope["output"], str) and gradescope["output"]
        tests = gradescope["tests"]
        assert len(tests) == sum(len(ex["tests"]) for ex in record["exercises"])
        for test in tests:
            assert {"name", "score", "max_score", "status", "output", "visibility"} <= set(test)
            assert test["status"] in {"passed", "failed"}
            assert test["visibility"] in {"visible", "hidden", "after_due_date", "after_published"}
            assert isinstance(test["name"], str) and isinstance(test["output"], str)
            assert 0 <= test["score"] <= test["max_score"]
            assert (test["status"] == "passed") == (test["score"] == test["max_score"]) or test["status"] == "failed"
        assert abs(sum(t["score"] for t in tests) - gradescope["score"]) < 1e-6
    bob = json.loads((baseline / "gradescope" / "bob" / "results.json").read_text(encoding="utf-8"))
    failed = [t for t in bob["tests"] if t["status"] == "failed"]
    assert failed and any("factor 2" in t["output"] for t in failed)
    eve = json.loads((baseline / "gradescope" / "eve" / "results.json").read_text(encoding="utf-8"))
    # Read by the student: why, and what to hand in (the instructor's text, "ask the student", is not theirs).
    assert eve["score"] == 0 and eve["tests"] == [] and eve["output"] == translate("batch.gradescope.bad_zip", "en")


def test_with_the_instructor_s_seed_gradescope_keeps_the_hidden_numbers_from_students(classroom: Path, baseline: Path,
                                                                                      tmp_path: Path):
    """A wrong answer's message holds the hidden inputs and the expected answer: graded with a
    seed of the instructor's own, the page the student reads names the mistake and says where
    to see numbers (the public inputs, locally), without them; the instructor's record keeps them."""
    from .conftest import run_batch

    out = tmp_path / "out"
    run_batch(classroom, out, "--workers", "1", "--seed", "7")
    bob = json.loads((out / "gradescope" / "bob" / "results.json").read_text(encoding="utf-8"))
    failed = [t for t in bob["tests"] if t["status"] == "failed"]
    assert failed
    for test in failed:
        note = translate("batch.gradescope.numbers_hidden", "en", number=int(test["name"][2:4]))
        assert test["output"].endswith(note)
        assert "expected" not in test["output"].removesuffix(note) and "got" not in test["output"], test["output"]
    assert any("factor 2" in t["output"] for t in failed)
    record = json.loads((out / "results" / "bob.json").read_text(encoding="utf-8"))
    assert any("expected" in t["message"] for ex in record["exercises"] for t in ex["tests"] if t["status"] == "failed")
    # With the public seed the numbers are public anyway (the student edition shows them).
    public = json.loads((baseline / "gradescope" / "bob" / "results.json").read_text(encoding="utf-8"))
    assert all("expected" in t["output"] for t in public["tests"] if t["status"] == "failed")


def test_gradebook_can_be_queried(baseline: Path):
    db = sqlite3.connect(baseline / "gradebook.sqlite")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"students", "submissions", "exercise_results", "tests"} <= tables
    assert [r[0] for r in db.execute("SELECT student FROM students ORDER BY student")] == STUDENTS
    rows = db.execute("SELECT student, content_hash, seed, graded_at, score, error FROM submissions").fetchall()
    assert len(rows) == len(STUDENTS)
    for student, content_hash, seed, graded_at, score, error in rows:
        assert re.fullmatch(r"(sha256|raw):[0-9a-f]{64}", content_hash) and seed == 2026
        assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", graded_at)
        record = json.loads((baseline / "results" / f"{student}.json").read_text(encoding="utf-8"))
        assert score == record["score"]
        assert (error is not None) == (student in BROKEN)
    # One row per test, the same as the JSON records.
    for student in GRADABLE:
        record = json.loads((baseline / "results" / f"{student}.json").read_text(encoding="utf-8"))
        stored = db.execute("SELECT exercise, name, status, score, max_score, diagnosis FROM tests"
                            " WHERE student = ? ORDER BY exercise, position", (student,)).fetchall()
        assert stored == [(ex["exercise"], t["name"], t["status"], t["score"], t["max_score"], t["diagnosis"])
                          for ex in record["exercises"] for t in ex["tests"]]
    # The question an instructor asks: which mistakes, how many students.
    frequent = db.execute("SELECT exercise, diagnosis, COUNT(DISTINCT student) FROM tests WHERE diagnosis IS NOT NULL"
                          " GROUP BY exercise, diagnosis ORDER BY exercise, diagnosis").fetchall()
    assert (1, "gradient_missing_factor_2", 1) in frequent and (4, "gradient_ascent", 1) in frequent
    total = db.execute("SELECT SUM(score) FROM tests WHERE student = 'carol'").fetchone()[0]
    assert total == db.execute("SELECT score FROM submissions WHERE student = 'carol'").fetchone()[0]
    db.close()


def test_report_html_shows_the_class_and_links_every_student(baseline: Path):
    html = (baseline / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and html.count("<rect") == 10  # the histogram's ten bins
    for student in STUDENTS:
        assert f'href="students/{student}.html"' in html
        page = (baseline / "students" / f"{student}.html").read_text(encoding="utf-8")
        assert 'href="../report.html"' in page
    assert "gradient_missing_factor_2" in html and "The gradient lacks the factor 2" in html
    assert "<script>" in html and "sorted-asc" in html  # the sortable table
    # Self-contained: nothing fetched from the network.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    bob = (baseline / "students" / "bob.html").read_text(encoding="utf-8")
    assert "gradient_missing_factor_2" in bob and "step_sign_flipped" in bob
    # A student finds the failures at once: what failed is open, what passed in full is folded.
    assert '<details class="exercise" id="ex01" open>' in bob and '<details class="exercise" id="ex02">' in bob
    assert 'href="#ex01"' in bob and 'href="#ex03"' in bob
    eve = (baseline / "students" / "eve.html").read_text(encoding="utf-8")
    assert "eve.zip" in eve
    broken = (baseline / "students" / f"{sorted(BROKEN)[0]}.html").read_text(encoding="utf-8")
    assert '<div class="error"><strong>Not graded:</strong>' in broken  # the box's first word, as a sentence's


def test_student_text_is_escaped(tmp_path: Path):
    from grader.batch import html
    from grader.batch.store import Stored

    record = {"score": 0.0, "max_score": 1.0, "exercises": [{"exercise": 1, "title": "t", "score": 0.0,
              "max_score": 1.0, "output": "<script>alert(1)</script>", "tests": [
                  {"name": "x", "title": "x", "status": "failed", "score": 0.0, "max_score": 1.0,
                   "message": "<img src=x onerror=alert(1)>", "diagnosis": None}]}]}
    stored = Stored("<b>mallory</b>", "m", "sha256:" + "0" * 64, "{}", 1, "now", None, None, False, record, json.dumps(record))
    page = html.render_student(stored, "en")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>mallory" not in page
    tally = html.ClassTally((1,))
    tally.add(stored)
    report = html.render_class(tally, "en", 1)
    assert "<b>mallory" not in report and "%3Cb%3Emallory" in report


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_report_html_renders_in_headless_chromium(baseline: Path, tmp_path: Path):
    shots = {}
    for page in ("report.html", "students/bob.html"):
        png = tmp_path / (Path(page).stem + ".png")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}", f"--screenshot={png}",
                        "--window-size=1280,1600", (baseline / page).as_uri()],
                       capture_output=True, timeout=120)
        assert png.is_file(), page
        shots[page] = png.read_bytes()
    for page, data in shots.items():
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(data) > 20_000, f"{page}: {len(data)} bytes, an almost blank page"
        # Many colours: text, the bars and the coloured scores, not a blank or single-colour page.
        assert len(set(data[200:40_000:7])) > 200
