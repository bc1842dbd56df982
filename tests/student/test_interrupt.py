"""Ctrl-C stops a grading at once: no report made of an interrupted run, nothing recorded,
exit code 130; a batch keeps what it committed and says how to finish."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..conftest import HOSTILE, REFERENCE, ROOT, submission_with


def _interrupted(arguments: list[str], data: Path, after: float = 3.0) -> subprocess.CompletedProcess:
    """Run `grade ARGUMENTS`, then press Ctrl-C (SIGINT to its process group, as a terminal does)."""
    env = dict(os.environ, GRADE_DATA_DIR=str(data))
    process = subprocess.Popen([sys.executable, "-m", "grader", *arguments], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_ctrl_c_stops_grade_exercise_without_a_report(tmp_path):
    hangs = submission_with(tmp_path / "hangs", {3: HOSTILE / "ex03_infinite_loop.py"})
    started = time.monotonic()
    done = _interrupted(["exercise", "3", "--submission", str(hangs), "--timeout", "30", "--lang", "ru"], tmp_path / "data")
    assert done.returncode == 130 and time.monotonic() - started < 20
    assert done.stdout == "" and done.stderr.strip() == "Прервано: ничего не проверено."
    assert not (tmp_path / "data" / "progress.json").exists()


def test_ctrl_c_stops_a_batch_and_says_how_to_finish(tmp_path):
    for name in ("alice", "bob", "carol", "dave"):
        submission_with(tmp_path / "class" / name, {3: HOSTILE / "ex03_infinite_loop.py"})
    submission_with(tmp_path / "class" / "eve", {})
    out = tmp_path / "out"
    done = _interrupted(["batch", str(tmp_path / "class"), "--out", str(out), "--exercises", "3", "--timeout", "30",
                         "--workers", "2"], tmp_path / "data", after=4.0)
    assert done.returncode == 130 and "Traceback" not in done.stderr
    assert f"Interrupted: every result graded so far is saved in {out}" in done.stderr
    assert (out / "gradebook.sqlite").exists()
