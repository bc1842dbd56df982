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
