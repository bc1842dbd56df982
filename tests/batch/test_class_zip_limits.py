"""A class zip's bounds are each student's: one student's part of more entries, more bytes or a
bomb makes that student not gradable, with the reason, and the others are graded. It refused
the whole class zip: nothing graded for 200 students because of one. Only what no one student
can cause (an absurd index, several students' gigabytes in all) still stops the command."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest

from grader.batch import download, pipeline
from grader.batch.download import unpack
from grader.batch.intake import IntakeError
from grader.grading import DEFAULT_SEED

REFERENCE_EX01 = (Path(__file__).resolve().parents[2] / "reference" / "ex01_sum_of_squares.py").read_bytes()
GOOD = ["Anna_1", "Cy_3"]


def _moodle(name: str) -> str:
    return f"MATH101-Homework 1/{name}_assignsubmission_file_/"


def _class_zip(path: Path, bad: dict[str, list[tuple[str, bytes]]]) -> Path:
    """Moodle's download, in its wrapping folder: Anna and Cy hand in the reference ex01, each
    `bad` student their files; with entries that point out of the target (never written)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in GOOD:
            zf.writestr(_moodle(name) + "ex01_sum_of_squares.py", REFERENCE_EX01)
        for name, files in bad.items():
            zf.writestr(_moodle(name) + "ex01_sum_of_squares.py", REFERENCE_EX01)
            for file, data in files:
                zf.writestr(_moodle(name) + file, data)
            zf.writestr(_moodle(name) + "../../../escape.py", "X = 1\n")
            link = zipfile.ZipInfo(_moodle(name) + "linked.py")
            link.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(link, "/etc/passwd")
        zf.writestr("/abs/evil.py", "X = 1\n")
    return path


def _many(count: int) -> list[tuple[str, bytes]]:
    return [(f"venv/lib/f{i}.txt", b"") for i in range(count)]


def _incompressible(size: int) -> bytes:
    return os.urandom(size)


BAD = {  # (a) at the real bound; (b) and (c), and one entry's size, under the bounds `lowered` sets
    "Bob_2": lambda: _many(download.MAX_STUDENT_ENTRIES + 1),  # (a) 100,001 small files
    "Dan_4": lambda: [("ex02_numerical_gradient.py", b"\0" * (1536 * 1024))],  # (b) a bomb: 1.5 MiB of zeros, 1000:1
    "Eve_5": lambda: [("data.py", _incompressible(700_000)), ("more.py", _incompressible(700_000))],  # (c)
    "Fay_6": lambda: [("project.zip", _incompressible(3 * 1024 * 1024))],  # one entry over the lowered 2 MiB
}
REASONS = {
    "Bob_2": "it holds more than 100000 files and folders",
    "Dan_4": "ex02_numerical_gradient.py unpacks to more than 200 times its packed size (a zip bomb?)",
    "Eve_5": "it unpacks to more than 1 MiB",
    "Fay_6": "project.zip is larger than 2 MiB once unpacked",
}


@pytest.fixture()
def lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounds of megabytes, not gigabytes: the same checks on small zips."""
    monkeypatch.setattr(download, "MAX_STUDENT_BYTES", 1024 * 1024)
    monkeypatch.setattr(download, "MAX_ENTRY_BYTES", 2 * 1024 * 1024)


@pytest.fixture(scope="module")
def bad_class(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("limits")
    return _class_zip(folder / "download.zip", {name: files() for name, files in BAD.items()})


def _files_below(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_a_student_over_a_bound_is_left_out_of_the_unpacking_and_nothing_leaves_the_target(
        bad_class: Path, tmp_path: Path, lowered: None):
    target = tmp_path / "deep" / "class"
    target.mkdir(parents=True)
    refusals = unpack(bad_class, target)
    assert _files_below(tmp_path) == {f"deep/class/{p}" for p in _files_below(target)} | {"deep", "deep/class"}
    assert not Path("/abs/evil.py").exists()
    top = target / "MATH101-Homework 1"
    for name in GOOD:
        assert (top / f"{name}_assignsubmission_file_" / "ex01_sum_of_squares.py").read_bytes() == REFERENCE_EX01
    for name in BAD:  # the student's folder alone, empty: the student is found, and told why
        assert list((top / f"{name}_assignsubmission_file_").iterdir()) == [], name
    assert len(_files_below(target)) == 1 + 2 * len(GOOD) + len(BAD)  # nothing of Bob's 100,001 files
    reasons = {dict(r.params)["path"]: dict(r.params)["reason_id"] for r in refusals.parts.values()}
    assert reasons == {f"MATH101-Homework 1/{name}_assignsubmission_file_": reason for name, reason in
                       (("Bob_2", "zip.reason.entries"), ("Dan_4", "zip.reason.compressed"),
                        ("Eve_5", "zip.reason.total"), ("Fay_6", "zip.reason.too_large"))}


def test_a_student_over_a_bound_is_not_gradable_and_the_others_are_graded(bad_class: Path, tmp_path: Path,
                                                                         lowered: None,
                                                                         monkeypatch: pytest.MonkeyPatch):
    private = tmp_path / "tmp"  # where the class is unpacked for the run, and removed
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    out = tmp_path / "out"
    summary = pipeline.run(pipeline.Settings(submissions=bad_class, out=out, numbers=(1,), seed=DEFAULT_SEED,
                                             lang="en", workers=1))
    assert (summary.students, summary.graded, summary.broken) == (2 + len(BAD), len(GOOD), len(BAD))
    assert sorted(summary.not_gradable) == sorted(BAD)
    rows = {row["student"]: row["total"] for row in csv.DictReader(io.StringIO((out / "grades.csv").read_text()))}
    assert rows == {**dict.fromkeys(GOOD, "17"), **dict.fromkeys(BAD, "0")}
    for name, reason in REASONS.items():
        record = json.loads((out / "results" / f"{name}.json").read_text(encoding="utf-8"))
        message = record["error"]["message"]
        assert record["error"]["id"] == "batch.error.class_zip_student_unsafe", name
        assert message.startswith(f"MATH101-Homework 1/{name}_assignsubmission_file_ in the class zip download.zip "
                                  "was not unpacked: "), message
        assert reason in message and "the others are" in message, message
    assert not any(p.name.startswith("gdkit-") for p in private.iterdir())  # the unpacked class is gone
    assert {path.split("/")[0] for path in _files_below(tmp_path)} == {"out", "tmp"}
    assert not (tmp_path.parent / "escape.py").exists()


def test_a_canvas_student_s_bomb_is_that_student_s(tmp_path: Path):
    """Canvas's download is flat: a student's part is every file of the student's user id."""
    archive = tmp_path / "canvas.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("smithanna_101_9001_ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr("leebob_102_9002_ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr("leebob_102_9003_ex02_numerical_gradient.py", b"\0" * (4 * 1024 * 1024))
        zf.writestr("leebob_102_9004_notes.txt", b"notes")
    refusals = unpack(archive, tmp_path / "class")
    assert sorted(p.name for p in (tmp_path / "class").iterdir()) == [  # bob's first two files, empty
        "leebob_102_9002_ex01_sum_of_squares.py", "leebob_102_9003_ex02_numerical_gradient.py",
        "smithanna_101_9001_ex01_sum_of_squares.py"]
    assert (tmp_path / "class" / "leebob_102_9002_ex01_sum_of_squares.py").read_bytes() == b""
    assert {dict(r.params)["reason_id"] for r in refusals.parts.values()} == {"zip.reason.compressed"}
    from grader.batch.intake import find_students, pack

    refused: dict = {}
    with download.class_folder(archive, refused) as folder:
        packed = {s.id: pack(s, refused) for s in find_students(folder)[0]}
    assert packed["smithanna_101"].data is not None
    assert packed["leebob_102"].error_id == "batch.error.class_zip_student_unsafe"
    assert "leebob_102_9003_ex02_numerical_gradient.py" in dict(packed["leebob_102"].error_params)["name"]


def test_what_no_one_student_causes_still_stops_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An index too large to read, or several students' bytes beyond the disk's bound, are the
    class's: the command stops with the reason, before anything is graded."""
    archive = _class_zip(tmp_path / "download.zip", {"Eve_5": [("data.py", _incompressible(300_000))],
                                                      "Fay_6": [("data.py", _incompressible(300_000))]})
    monkeypatch.setattr(download, "MAX_CLASS_BYTES", 500_000)  # each student's 300 KB is within their own
    with pytest.raises(IntakeError) as refused:
        unpack(archive, tmp_path / "class")
    assert refused.value.message_id == "batch.error.class_zip_unsafe"
    assert refused.value.params["reason_id"] == "zip.reason.total"
    monkeypatch.setattr(download, "MAX_CLASS_ENTRIES", 5)
    with pytest.raises(IntakeError) as refused:
        unpack(archive, tmp_path / "class2")
    assert refused.value.params["reason_id"] == "zip.reason.entries"
    assert not (tmp_path / "class2").exists() or list((tmp_path / "class2").iterdir()) == []


def _refusals_of(archive: Path, shown: dict[str, str] | None = None) -> dict[str, str | None]:
    """Each student found in the class zip: the reason its part was refused, or None (and in
    `shown`, the part its message names)."""
    from grader.batch.intake import find_students, pack

    refused: dict = {}
    reasons = {}
    with download.class_folder(archive, refused) as folder:
        for student in find_students(folder)[0]:
            params = dict(pack(student, refused).error_params)
            reasons[student.id] = params.get("reason_id")
            if shown is not None and "archive" in params:
                shown[student.id] = params["path"]
    return reasons


@pytest.mark.parametrize("top", ["alice/", "MATH101-Homework 1/Anna_1_assignsubmission_file_/",
                                 "Anna_1_assignsubmission_file_/", "wrapped/alice/"])
def test_a_class_zip_of_one_student_s_folder_is_that_student_s_part(tmp_path: Path, lowered: None,
                                                                   monkeypatch: pytest.MonkeyPatch, top: str):
    """students_root stops above a folder that is one submission: the folder's files are then
    one student's, not each a part of its own (the bounds were the class's: 8 GiB, 500,000 files)."""
    archive = tmp_path / "one.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(top + "ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr(top + "data.py", _incompressible(700_000))
        zf.writestr(top + "more.py", _incompressible(700_000))
    student = top.rstrip("/").split("/")[-1].removesuffix("_assignsubmission_file_")
    shown: dict[str, str] = {}
    assert _refusals_of(archive, shown) == {student: "zip.reason.total"}
    assert shown == {student: top.rstrip("/")}
    monkeypatch.setattr(download, "MAX_STUDENT_ENTRIES", 10)  # 11 files, each of a part of its own
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(top + "ex01_sum_of_squares.py", REFERENCE_EX01)
        for i in range(10):
            zf.writestr(top + f"notes{i}.md", b"")
    assert _refusals_of(archive) == {student: "zip.reason.entries"}
    with zipfile.ZipFile(archive, "w") as zf:  # within the bounds: graded
        zf.writestr(top + "ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr(top + "data.py", b"X = 1\n")
    assert _refusals_of(archive) == {student: None}


def test_the_folders_an_entry_makes_are_counted_among_the_student_s_entries(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    """Every folder of an entry's path is made: twelve entries 100 folders deep were 1,200
    folders written for 12 of the student's 100,000 entries: a student's 40 MB index made
    millions of folders. The folders made are the student's entries."""
    monkeypatch.setattr(download, "MAX_STUDENT_ENTRIES", 1000)
    archive = tmp_path / "deep.zip"
    deep = _moodle("Bob_2")
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(_moodle("Anna_1") + "ex01_sum_of_squares.py", REFERENCE_EX01)
        for i in range(12):
            zf.writestr(deep + f"d{i}/" + "a/" * 100 + "f.py", b"X = 1\n")
        zf.writestr(_moodle("Cy_3") + "sub/", b"")  # a folder entry, and the folders the files make
        for i in range(997):
            zf.writestr(_moodle("Cy_3") + ("sub/" if i % 2 else "other/") + f"f{i}.md", b"")
        zf.writestr(_moodle("Cy_3") + "ex01_sum_of_squares.py", REFERENCE_EX01)
    assert _refusals_of(archive) == {"Anna_1": None, "Bob_2": "zip.reason.entries", "Cy_3": "zip.reason.entries"}
    monkeypatch.setattr(download, "MAX_STUDENT_ENTRIES", 1001)  # Cy's 999 entries, its folder and `other`
    assert _refusals_of(archive) == {"Anna_1": None, "Bob_2": "zip.reason.entries", "Cy_3": None}
    target = tmp_path / "class"
    unpack(archive, target)
    assert list((target / deep).iterdir()) == []
    monkeypatch.setattr(download, "MAX_STUDENT_ENTRIES", 100_000)  # several students' folders: the class's
    monkeypatch.setattr(download, "MAX_CLASS_ENTRIES", 1100)
    with pytest.raises(IntakeError) as refused:
        unpack(archive, tmp_path / "class2")
    assert refused.value.params["reason_id"] == "zip.reason.entries"


def test_a_refusal_is_the_same_for_the_same_zip_saved_under_another_name(tmp_path: Path):
    """The class zip downloaded again is `download (1).zip`: the refused student is unchanged
    (skipped, "still cannot be graded"), as a not-gradable student's folder is; a changed part
    is a new refusal."""
    def refusal(name: str, bomb: bytes) -> str:
        archive = _class_zip(tmp_path / name, {"Dan_4": [("ex02_numerical_gradient.py", bomb)]})
        hashes = {r.hash for r in unpack(archive, tmp_path / name.replace(".zip", "")).parts.values()}
        assert len(hashes) == 1
        return hashes.pop()

    first = refusal("download.zip", b"\0" * (4 * 1024 * 1024))
    assert refusal("download (1).zip", b"\0" * (4 * 1024 * 1024)) == first
    assert refusal("download (2).zip", b"\0" * (4 * 1024 * 1024 + 1)) != first


def test_a_file_of_a_student_folder_s_name_does_not_hide_the_student(tmp_path: Path):
    """An entry written as a file where another entry's folder is (a file `Anna_1_…_file_`
    before Anna's folder): the file was written first and Anna's folder could not be made,
    so Anna was missing from the grades. The folder is made, the file left out."""
    archive = tmp_path / "clash.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("MATH101-Homework 1/Anna_1_assignsubmission_file_", b"")
        zf.writestr(_moodle("Anna_1") + "ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr(_moodle("Bob_2") + "ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr(_moodle("Bob_2") + "notes", b"")  # and one of a folder below
        zf.writestr(_moodle("Bob_2") + "notes/ex02_numerical_gradient.py", b"X = 1\n")
    assert _refusals_of(archive) == {"Anna_1": None, "Bob_2": None}
    unpack(archive, tmp_path / "class")
    assert (tmp_path / "class" / _moodle("Bob_2") / "notes" / "ex02_numerical_gradient.py").is_file()


def test_entries_deeper_than_anything_reads_are_not_written(tmp_path: Path):
    """A path 1,000 folders deep: pathlib's mkdir recursed past Python's limit, and for a
    symlink's folders or a refused student's placeholder the RecursionError stopped the whole
    command (elsewhere each such entry cost 30 ms of pathlib). Nothing reads that deep: such an
    entry is left out, as one whose name is too long."""
    deep = "a/" * 1000
    archive = tmp_path / "deep.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_moodle("Anna_1") + "ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr(_moodle("Bob_2") + "ex01_sum_of_squares.py", REFERENCE_EX01)
        link = zipfile.ZipInfo(_moodle("Bob_2") + deep + "linked.py")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr(_moodle("Bob_2") + deep + "ex02_numerical_gradient.py", b"X = 1\n")
        zf.writestr(_moodle("Cy_3") + deep + "ex01_sum_of_squares.py", REFERENCE_EX01)  # Cy's only file
    from grader.batch.intake import find_students, pack

    refused: dict = {}
    with download.class_folder(archive, refused) as folder:
        packed = {s.id: pack(s, refused) for s in find_students(folder)[0]}
    assert {name: p.error_id for name, p in packed.items()} == {
        "Anna_1": None, "Bob_2": None, "Cy_3": "batch.error.empty"}  # (found, not missing)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:  # a zip of one student, that deep
        zf.writestr(deep + "ex01_sum_of_squares.py", REFERENCE_EX01)
        zf.writestr(deep + "ex02_numerical_gradient.py", b"\0" * (4 * 1024 * 1024))
    with pytest.raises(IntakeError) as nothing:
        _refusals_of(archive)
    assert nothing.value.message_id == "batch.error.no_students"


def test_the_folders_of_the_whole_index_are_bounded_before_any_is_written(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch):
    """The folders are counted in memory before anything is written: students each refused
    (deep paths, then a bomb) are written nothing, but their folders are held, up to 128 an entry.
    More folders than MAX_CLASS_ENTRIES in the index stop the command, as more entries do."""
    monkeypatch.setattr(download, "MAX_CLASS_ENTRIES", 1000)
    archive = tmp_path / "deep.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("Bob_2", "Dan_4"):
            for i in range(6):
                zf.writestr(_moodle(name) + f"d{i}/" + "a/" * 100 + "f.py", b"X = 1\n")
            zf.writestr(_moodle(name) + "ex02_numerical_gradient.py", b"\0" * (4 * 1024 * 1024))
    with pytest.raises(IntakeError) as refused:
        unpack(archive, tmp_path / "class")
    assert refused.value.params["reason_id"] == "zip.reason.entries"
    assert not (tmp_path / "class").exists()


def test_a_refused_student_s_folders_are_not_the_class_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Counted on past its bound, a refused student's folders alone passed the class's, and
    the command stopped for that one student."""
    monkeypatch.setattr(download, "MAX_STUDENT_ENTRIES", 100)
    monkeypatch.setattr(download, "MAX_CLASS_ENTRIES", 1000)
    archive = tmp_path / "folders.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(_moodle("Anna_1") + "ex01_sum_of_squares.py", REFERENCE_EX01)
        for i in range(300):  # 300 entries, 1,200 folders
            zf.writestr(_moodle("Bob_2") + f"d{i}/a/b/c/f.md", b"")
    assert _refusals_of(archive) == {"Anna_1": None, "Bob_2": "zip.reason.entries"}
