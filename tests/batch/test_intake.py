"""Finding the students of a SUBMISSIONS folder as LMSs download them (no grading here)."""

from __future__ import annotations

from pathlib import Path

from grader.batch.intake import find_students

from ..conftest import REFERENCE


def _files(folder: Path, names: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in names.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_moodle_online_text_and_comment_folders_are_the_same_student(tmp_path: Path):
    ex01 = {"ex01_sum_of_squares.py": (REFERENCE / "ex01_sum_of_squares.py").read_text()}
    _files(tmp_path / "Әлібек Нұрланұлы_123456_assignsubmission_file_", ex01)
    _files(tmp_path / "Әлібек Нұрланұлы_123456_assignsubmission_onlinetext_", {"onlinetext.html": "<p>done</p>"})
    _files(tmp_path / "Anna Smith_345678_assignsubmission_file_", ex01)
    _files(tmp_path / "Anna Smith_345678_assignsubmission_comments_", {"comments.html": "<p>late, sorry</p>"})
    # Only an online text: still a student (reported as not gradable), never missing.
    _files(tmp_path / "Bolat Seri_999999_assignsubmission_onlinetext_", {"onlinetext.html": "<p>see email</p>"})
    students, ignored = find_students(tmp_path)
    assert [s.id for s in students] == ["Anna Smith_345678_assignsubmission_file_",
                                        "Bolat Seri_999999_assignsubmission_onlinetext_",
                                        "Әлібек Нұрланұлы_123456_assignsubmission_file_"]
    assert ignored == []
