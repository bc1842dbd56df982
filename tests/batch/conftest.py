"""A small class for the batch tests, and one uninterrupted batch run they compare against."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import HOSTILE, MISTAKES, submission_with

EXERCISES = "1-5"
GRADABLE = ["alice", "bob", "carol", "dave", "gina", "hank"]
BROKEN = ["eve", "frank"]
STUDENTS = sorted(GRADABLE + BROKEN)


def make_class(folder: Path) -> Path:
    """8 students: copies of the reference, some with known mistakes, zips, two broken ones."""
    folder.mkdir(parents=True)
    submission_with(folder / "alice", {})
    submission_with(folder / "bob", {1: MISTAKES / "ex01_gradient_missing_factor_2.py",
                                     3: MISTAKES / "ex03_step_sign_flipped.py"})
    submission_with(folder / "carol", {5: MISTAKES / "ex05_sum_instead_of_mean.py",
                                       4: MISTAKES / "ex04_gradient_ascent.py"})
    dave = submission_with(folder.parent / "dave_src" / "exercises", {2: MISTAKES / "ex02_forward_difference.py",
                                                                      3: HOSTILE / "ex03_raises.py"})
    shutil.make_archive(str(folder / "dave"), "zip", dave.parent)  # a zip holding exercises/
    (folder / "eve.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "frank").mkdir()
    (folder / "frank" / "notes.txt").write_text("I did not do the homework\n")
    gina = submission_with(folder.parent / "gina_src", {5: MISTAKES / "ex05_gradient_missing_factor_2.py"})
    shutil.make_archive(str(folder / "gina"), "zip", gina)  # a zip of the files themselves
    submission_with(folder / "hank", {1: HOSTILE / "ex01_returns_nan.py"})
    return folder


def run_batch(submissions: Path, out: Path, *extra: str, check: bool = True,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "grader", "batch", str(submissions), "--out", str(out),
                           "--exercises", EXERCISES, "--lang", "en", *extra],
                          capture_output=True, text=True, timeout=300, env=env)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def outputs_of(out: Path) -> dict[str, bytes]:
    """The deterministic views: grades.csv, results/*.json and gradescope/*/results.json."""
    files = {"grades.csv": (out / "grades.csv").read_bytes()}
    for path in sorted((out / "results").glob("*.json")):
        files[f"results/{path.name}"] = path.read_bytes()
    for path in sorted((out / "gradescope").glob("*/results.json")):
        files[f"gradescope/{path.parent.name}"] = path.read_bytes()
    return files


@pytest.fixture(scope="session")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_class(tmp_path_factory.mktemp("class") / "submissions")


@pytest.fixture(scope="session")
def baseline(classroom: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One uninterrupted run with 2 local workers."""
    out = tmp_path_factory.mktemp("baseline") / "out"
    run_batch(classroom, out, "--workers", "2")
    return out


def measured_in_chromium(page: Path, tmp_path: Path, width: int, height: int) -> dict:
    """What the script a test put in `page` wrote into the body's data-measured attribute, the
    page opened in headless Chromium in a window of width × height pixels."""
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}", f"--window-size={width},{height}",
                           "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    found = re.search(r'data-measured="([^"]+)"', done.stdout)
    assert found, done.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"'))
