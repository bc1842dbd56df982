"""students/<student>.html keeps every message in full, so with the instructor's own seed it
holds the hidden inputs and the expected answers, which the Gradescope page leaves out. Its
title ("Feedback for …") reads like a page to send the student: docs/cluster.md says it is the
instructor's, and points to the student's view, as it does for results/ and the report."""

from __future__ import annotations

import html
import json
from pathlib import Path

from tests.conftest import MISTAKES, submission_with

from .conftest import run_batch

CLUSTER_MD = Path(__file__).resolve().parents[2] / "docs" / "cluster.md"


def test_with_the_instructor_s_seed_the_student_page_holds_the_hidden_numbers_and_the_docs_say_so(tmp_path: Path):
    submission_with(tmp_path / "class" / "bob", {3: MISTAKES / "ex03_step_sign_flipped.py"})
    out = tmp_path / "out"
    run_batch(tmp_path / "class", out, "--workers", "1", "--seed", "7")
    record = json.loads((out / "results" / "bob.json").read_text(encoding="utf-8"))
    messages = [t["message"] for ex in record["exercises"] for t in ex["tests"] if t["status"] == "failed"]
    assert messages and all("expected" in m for m in messages)
    page = html.unescape((out / "students" / "bob.html").read_text(encoding="utf-8"))
    assert all(m.split(":")[0] in page for m in messages)  # the call, with the hidden inputs
    assert any(m.split(": expected ")[1].split(",")[0] in page for m in messages)  # an expected answer
    gradescope = (out / "gradescope" / "bob" / "results.json").read_text(encoding="utf-8")
    assert not any(m.split(":")[0] in gradescope for m in messages)
    docs = " ".join(CLUSTER_MD.read_text(encoding="utf-8").split())
    (row,) = [line for line in CLUSTER_MD.read_text(encoding="utf-8").splitlines()
              if line.startswith("| `students/<student>.html`")]
    assert "not a page to send the student" in row and "gradescope/<student>/results.json" in row
    assert "the report and the `students/` pages (yours) keep every message in full" in docs


def test_the_page_itself_says_it_is_not_for_the_student_when_it_holds_a_secret_seed_s_numbers():
    """An instructor who had not read docs/cluster.md mailed students/<student>.html ("Feedback
    for …") to the student, hidden inputs and expected answers included. Graded with the
    instructor's own seed, the page says, at its top, that it is not the student's and where
    the student's feedback is; with the course's public seed (numbers students have) it does not."""
    from grader.batch import html as pages
    from grader.batch.store import Stored
    from grader.grading import course_seed
    from grader.i18n import translate

    record = {"score": 0.0, "max_score": 1.0, "exercises": []}
    for lang in ("kk", "ru", "en"):
        note = translate("batch.html.private_page", lang, student="Әлиева Айгерім_123400")
        for seed, shown in ((7, True), (course_seed(), False)):
            stored = Stored("Әлиева Айгерім_123400", "Әлиева Айгерім_123400_assignsubmission_file_", "sha256:0", "{}",
                            seed, "now", None, None, False, record, json.dumps(record))
            page = html.unescape(pages.render_student(stored, lang))
            assert (note in page) is shown, (lang, seed)
        assert "gradescope/Әлиева Айгерім_123400/results.json" in note and "--seed" in note
