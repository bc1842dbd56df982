"""Archive intake: zip slip, absolute paths, symlinks, bombs, huge files and thousands of
entries are refused or neutralised with a clear message, and nothing is written outside the
temporary unpack folder."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from grader.errors import SubmissionError
from grader.submission import MAX_FILE_BYTES, MAX_ZIP_ENTRIES, prepared

from ..conftest import REFERENCE, module_file


def zip_of(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def good_file() -> bytes:
    return (REFERENCE / module_file(3)).read_bytes()


def test_zip_slip_and_absolute_paths_are_never_written(tmp_path: Path):
    archive = zip_of(tmp_path / "s.zip", {
        module_file(3): good_file(),
        "../../escaped_ex01_sum_of_squares.py": b"X = 1",
        "/tmp/absolute_ex02_numerical_gradient.py": b"X = 1",
        "exercises/../../ex04_gradient_descent.py": b"X = 1",
    })
    with prepared(archive) as root:
        names = sorted(p.name for p in (root / "exercises").iterdir())
    assert names == ["__init__.py", module_file(3)]
    assert not list(tmp_path.parent.glob("escaped_*")) and not Path("/tmp/absolute_ex02_numerical_gradient.py").exists()


def test_symlink_entries_are_skipped(tmp_path: Path):
    archive = tmp_path / "s.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(module_file(3), good_file())
        link = zipfile.ZipInfo(module_file(1))
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
    with prepared(archive) as root:
        assert not (root / "exercises" / module_file(1)).exists()


def test_zip_bomb_is_refused(tmp_path: Path):
    bomb = zip_of(tmp_path / "bomb.zip", {module_file(3): b"#" * (MAX_FILE_BYTES // 2) + good_file()}, zipfile.ZIP_DEFLATED)
    with pytest.raises(SubmissionError) as info:
        with prepared(bomb):
            pass
    assert "bomb.zip" in info.value.message("en") and "more than 200 times its packed size" in info.value.message("en")
    assert "200 еседен астам" in info.value.message("kk") and "более чем в 200 раз" in info.value.message("ru")


def test_huge_file_is_refused(tmp_path: Path):
    import os

    huge = zip_of(tmp_path / "huge.zip", {module_file(3): os.urandom(MAX_FILE_BYTES + 10)})
    with pytest.raises(SubmissionError) as info:
        with prepared(huge):
            pass
    assert f"{module_file(3)} is larger than 1 MiB once unpacked" in info.value.message("en")


def test_thousands_of_entries_are_refused(tmp_path: Path):
    crowded = zip_of(tmp_path / "crowded.zip", {f"junk/{i}.txt": b"" for i in range(MAX_ZIP_ENTRIES + 1)} | {module_file(3): good_file()})
    with pytest.raises(SubmissionError) as info:
        with prepared(crowded):
            pass
    assert f"more than {MAX_ZIP_ENTRIES} files and folders" in info.value.message("en")
    assert f"саны {MAX_ZIP_ENTRIES} шегінен асады" in info.value.message("kk")


def test_huge_source_file_in_a_folder_is_refused(tmp_path: Path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / module_file(3)).write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(SubmissionError) as info:
        with prepared(folder):
            pass
    assert module_file(3) in info.value.message("ru")
