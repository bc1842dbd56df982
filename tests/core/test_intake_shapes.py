"""The shapes a submission arrives in: whatever way the files are handed in (a zip from
Windows, a folder one level deeper, a zip beside a loose file), the same files give the same
grading."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from grader.submission import prepared

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


@pytest.mark.parametrize("inside", ["gdkit-main/exercises", "Lab1", "homework/exercises", "a/b/c/exercises"])
def test_a_folder_one_level_deeper_is_graded_like_the_same_files_zipped(tmp_path: Path, inside: str):
    student = tmp_path / "Student_6_assignsubmission_file_"
    (student / inside).mkdir(parents=True)
    for name, data in FILES.items():
        (student / inside / name).write_bytes(data)
    (student / "__MACOSX" / inside).mkdir(parents=True)
    (student / "__MACOSX" / inside / "._ex01_sum_of_squares.py").write_bytes(b"\x00\x05junk")
    (student / "gdkit-main").mkdir(exist_ok=True)
    (student / "gdkit-main" / "README.md").write_text("the kit\n")
    archive = tmp_path / "same.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, data in FILES.items():
            zf.writestr(f"{inside}/{name}", data)
    assert graded_files(student) == graded_files(archive) == FILES


def test_the_shallowest_folder_wins_and_exercises_first_at_one_depth(tmp_path: Path):
    kit = tmp_path / "clone"
    for folder, text in {"reference": "R = 1\n", "exercises": "E = 1\n", "tests/mistakes": "M = 1\n"}.items():
        (kit / folder).mkdir(parents=True)
        (kit / folder / "ex01_sum_of_squares.py").write_text(text)
    assert graded_files(kit) == {"ex01_sum_of_squares.py": b"E = 1\n"}


def test_a_folder_too_deep_or_reached_through_a_symlink_is_not_looked_into(tmp_path: Path):
    from grader.errors import SubmissionError
    from grader.submission import MAX_DEPTH

    deep = tmp_path / "deep"
    folder = deep.joinpath(*(f"d{i}" for i in range(MAX_DEPTH + 1)))
    folder.mkdir(parents=True)
    (folder / "ex01_sum_of_squares.py").write_bytes(FILES["ex01_sum_of_squares.py"])
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "elsewhere").symlink_to(REFERENCE, target_is_directory=True)
    for source in (deep, linked):
        with pytest.raises(SubmissionError):
            graded_files(source)


def test_a_loose_exercise_file_beside_a_zip_is_graded_with_the_zip_and_wins_for_its_exercise(tmp_path: Path):
    student = tmp_path / "student"
    student.mkdir()
    with zipfile.ZipFile(student / "old.zip", "w") as zf:
        for name, data in FILES.items():
            zf.writestr(f"exercises/{name}", data)
    (student / "ex01_sum_of_squares (1).py").write_text("FIXED = 1\n")
    graded = graded_files(student)
    assert graded == {**FILES, "ex01_sum_of_squares.py": b"FIXED = 1\n"}
    (student / "old.zip").write_bytes(b"PK\x03\x04 not a zip")  # a broken zip: the loose file alone
    assert graded_files(student) == {"ex01_sum_of_squares.py": b"FIXED = 1\n"}


def _zip_with_legacy_names(path: Path, files: dict[str, bytes], encoding: str) -> Path:
    """A zip whose names are in `encoding` without the UTF-8 flag, as Windows Explorer writes
    them (zipfile itself always writes UTF-8 with the flag: names are patched afterwards)."""
    placeholders = {}
    with zipfile.ZipFile(path, "w") as zf:
        for index, (name, data) in enumerate(files.items()):
            raw = name.encode(encoding)
            placeholder = (f"@{index:03d}" + "Q" * len(raw))[:len(raw)]
            assert len(placeholder) == len(raw) and placeholder.encode() not in data
            placeholders[placeholder.encode()] = raw
            zf.writestr(placeholder, data)
    blob = path.read_bytes()
    for placeholder, raw in placeholders.items():
        assert blob.count(placeholder) == 2  # the local header and the central directory
        blob = blob.replace(placeholder, raw)
    path.write_bytes(blob)
    with zipfile.ZipFile(path) as zf:
        assert not any(info.flag_bits & 0x800 for info in zf.infolist())
    return path


def test_cyrillic_names_of_a_zip_from_windows_explorer_come_out_right(tmp_path: Path):
    from grader.batch.download import unpack

    ex01 = FILES["ex01_sum_of_squares.py"]
    # A student's zip: a Cyrillic folder, and a copy renamed by Windows ("… - Копия.py").
    student = _zip_with_legacy_names(tmp_path / "student.zip", {
        "упражнения\\ex05_linear_regression - Копия.py": FILES["ex05_linear_regression.py"],
        "упражнения\\ex01_sum_of_squares.py": ex01}, "cp866")
    assert graded_files(student) == {"ex01_sum_of_squares.py": ex01,
                                     "ex05_linear_regression.py": FILES["ex05_linear_regression.py"]}
    # The class's zip: the student ids are its folders' names; Kazakh letters are not in
    # cp866, so such names are UTF-8 (here without the flag, as some tools write them).
    names = ["Иванов Иван_234567_assignsubmission_file_", "Сәрсенбаев Ерлан_345678_assignsubmission_file_"]
    klass = _zip_with_legacy_names(tmp_path / "class.zip", {
        f"{names[0]}/ex01_sum_of_squares.py": ex01,
        f"{names[1]}/ex01_sum_of_squares.py": ex01}, "utf-8")
    _zip_with_legacy_names(tmp_path / "class866.zip", {f"{names[0]}/ex01_sum_of_squares.py": ex01}, "cp866")
    unpack(klass, tmp_path / "unpacked")
    unpack(tmp_path / "class866.zip", tmp_path / "unpacked")
    assert sorted(p.name for p in (tmp_path / "unpacked").iterdir()) == sorted(names)


def test_a_western_cp437_name_is_left_as_cp437(tmp_path: Path):
    from grader.submission import entry_name

    archive = _zip_with_legacy_names(tmp_path / "müller.zip", {"Müller/ex01_sum_of_squares.py": b"X = 1\n"}, "cp437")
    with zipfile.ZipFile(archive) as zf:
        assert [entry_name(info) for info in zf.infolist()] == ["Müller/ex01_sum_of_squares.py"]


@pytest.mark.parametrize("renamed", ["ex03_gradient_step (1).py", "Ex03_Gradient_Step.py"])
@pytest.mark.parametrize("scratch", ["ex3.py", "ex03.py"])
def test_a_file_named_by_its_number_does_not_hide_the_exercise_s_renamed_file(tmp_path: Path, renamed: str,
                                                                               scratch: str):
    """Beside the student's renamed exercise file, a scratch `ex3.py` was a second claim to
    ex03: neither was graded, and ex03 was 'missing' (it was graded before files named by their
    number were taken). A name with the exercise's topic comes first, as it does for folders."""
    ex03 = FILES["ex03_gradient_step.py"]
    for where in ("folder", "zip"):
        source = tmp_path / where
        source.mkdir()
        (source / renamed).write_bytes(ex03)
        (source / scratch).write_bytes(b"print('trying things')\n")
        if where == "zip":
            with zipfile.ZipFile(tmp_path / "work.zip", "w") as zf:
                for path in source.iterdir():
                    zf.write(path, path.name)
            source = tmp_path / "work.zip"
        assert graded_files(source)["ex03_gradient_step.py"] == ex03, where
    # A .py named by its number still comes before a .txt with the topic (an LMS's note, maybe).
    only = tmp_path / "only"
    only.mkdir()
    (only / "ex3.py").write_bytes(ex03)
    (only / "ex03_gradient_step.txt").write_bytes(b"notes\n")
    assert graded_files(only)["ex03_gradient_step.py"] == ex03
