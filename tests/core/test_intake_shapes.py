"""The shapes a submission arrives in: whatever way the files are handed in (a zip from
Windows, a folder one level deeper, a zip beside a loose file), the same files give the same
grading."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from grader.submission import content_hash, prepared

from ..conftest import REFERENCE

FILES = {path.name: path.read_bytes() for path in sorted(REFERENCE.glob("ex*.py"))}


def graded_files(source: Path) -> dict[str, bytes]:
    with prepared(source) as root:
        return {p.name: p.read_bytes() for p in sorted((root / "exercises").glob("*.py")) if p.name != "__init__.py"}


def test_a_zip_made_on_windows_with_backslashes_is_graded_like_any_zip(tmp_path: Path):
    archive = tmp_path / "windows.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, data in FILES.items():
            zf.writestr(f"exercises\\{name}", data)
        zf.writestr("..\\escaped_ex01_sum_of_squares.py", b"X = 1\n")
        zf.writestr("\\abs\\ex02_numerical_gradient.py", b"X = 2\n")
    assert graded_files(archive) == FILES
    assert not (tmp_path.parent / "escaped_ex01_sum_of_squares.py").exists()
