"""The output files have the mode a plain write gives them (readable by the group and others
under the usual umask), not the 0600 of the temporary file they are written through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from grader.storage import atomic_write_bytes


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_an_atomic_write_gets_the_mode_of_a_plain_write(tmp_path: Path, mask: int):
    old = os.umask(mask)
    try:
        atomic_write_bytes(tmp_path / "atomic.csv", b"x\n")
        (tmp_path / "plain.csv").write_bytes(b"x\n")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "atomic.csv") == _mode(tmp_path / "plain.csv") == 0o666 & ~mask


def test_rewriting_a_file_keeps_its_mode(tmp_path: Path):
    path = tmp_path / "grades.csv"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new\n")
    assert _mode(path) == 0o640 and path.read_bytes() == b"new\n"


def test_every_output_of_a_batch_has_the_gradebooks_mode(baseline: Path):
    expected = _mode(baseline / "gradebook.sqlite")
    files = [baseline / "grades.csv", baseline / "report.html", *baseline.glob("results/*.json"),
             *baseline.glob("students/*.html"), *baseline.glob("gradescope/*/results.json")]
    assert len(files) > 20
    assert {str(p.relative_to(baseline)): oct(_mode(p)) for p in files if _mode(p) != expected} == {}
