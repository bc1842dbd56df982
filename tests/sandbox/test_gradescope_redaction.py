"""Graded with the instructor's own seed, the Gradescope page a student reads holds none of the
hidden inputs: not in a wrong answer's message, nor in an error's, whose text, exception type,
line and function the student's code makes, and can make of the arguments it was called with.
The instructor's record keeps every message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from grader.i18n import translate

from ..conftest import HOSTILE, submission_with


def test_an_error_s_message_does_not_carry_the_hidden_inputs_to_gradescope(tmp_path: Path):
    submission_with(tmp_path / "class" / "leaky", {3: HOSTILE / "ex03_raises_with_inputs.py"})
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(out),
                           "--seed", "7", "--exercises", "3", "--timeout", "3", "--workers", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    record = json.loads((out / "results" / "leaky.json").read_text(encoding="utf-8"))
    messages = [t["message"] for ex in record["exercises"] for t in ex["tests"] if t["status"] != "passed"]
    assert messages and all("LEAKED" in m for m in messages)  # the instructor's view keeps them
    page = json.loads((out / "gradescope" / "leaky" / "results.json").read_text(encoding="utf-8"))
    outputs = [t["output"] for t in page["tests"] if t["status"] == "failed"]
    assert len(outputs) == len(messages)
    note = translate("batch.gradescope.numbers_hidden", "en", number=3)
    for output in outputs:
        assert "LEAKED" not in output and output.endswith(note), output[:300]
