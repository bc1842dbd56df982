"""Whatever one student hands in, it is that student's problem, never the class's: broken or
encrypted zips, names a file system refuses, a flat file named '..', a huge or very deep
folder. Found by a security review of the intake."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from grader.batch.intake import Student, pack
from grader.errors import SubmissionError
from grader.submission import MAX_ZIP_ENTRIES, prepared

from ..conftest import REFERENCE
from .conftest import run_batch


def reference_zip(path: Path, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for source in sorted(REFERENCE.glob("ex0[1-3]_*.py")):
            archive.write(source, f"exercises/{source.name}")
    return path


def broken(path: Path, how: str) -> Path:
    """A zip whose directory is fine but whose first entry cannot be read."""
    data = bytearray(reference_zip(path).read_bytes())
    first = zipfile.ZipFile(path).infolist()[0]
    start = first.header_offset + 30 + len(first.filename.encode()) + len(first.extra)
    if how == "corrupt":  # the deflate stream
        data[start:start + 40] = bytes(range(40))
    else:  # "encrypted" (flag bit 0), or "method" (a compression zipfile lacks), in both headers
        central = data.rindex(b"PK\x01\x02", 0, data.rindex(b"PK\x05\x06"))
        while data.rfind(b"PK\x01\x02", 0, central) != -1:
            central = data.rfind(b"PK\x01\x02", 0, central)
        for header, flags in ((first.header_offset, 6), (central, 8)):
            if how == "encrypted":
                data[header + flags] |= 1
            else:
                data[header + flags + 2:header + flags + 4] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["corrupt", "encrypted", "method"])
def test_an_unreadable_zip_is_its_student_s_error(tmp_path: Path, how: str):
    archive = broken(tmp_path / "work.zip", how)
    with pytest.raises(SubmissionError) as info, prepared(archive):
        pass
    if how == "encrypted":  # said as such, not as zipfile's "RuntimeError: File <ZipInfo …> is encrypted"
        assert info.value.message_id == "error.zip_encrypted" and info.value.params["file"].endswith(".py")
    else:
        assert info.value.message_id == "error.bad_zip"
    packed = pack(Student("alice", archive))
    assert packed.data is None and packed.error_id is not None


def test_a_class_with_a_broken_zip_and_a_refused_name_grades_everyone_else(tmp_path: Path):
    submissions = tmp_path / "class"
    (submissions / "alice").mkdir(parents=True)
    broken(submissions / "alice" / "work.zip", "corrupt")
    reference_zip(submissions / "bob.zip")
    (submissions / "carol").mkdir()
    reference_zip(submissions / "carol" / "work.zip")
    (submissions / "carol" / ("Отчёт по лабораторной работе " * 6 + ".pdf")[:120]).write_bytes(b"%PDF")
    done = run_batch(submissions, tmp_path / "out", "--workers", "1")
    assert "Students: 3 — graded 2" in done.stdout and "not gradable 1" in done.stdout


def test_a_class_zip_with_a_name_too_long_for_the_disk_is_still_graded(tmp_path: Path):
    classzip = tmp_path / "moodle.zip"
    with zipfile.ZipFile(classzip, "w") as archive:
        for student in ("Anna_1_assignsubmission_file_", "Иван Петров_2_assignsubmission_file_"):
            for source in sorted(REFERENCE.glob("ex0[1-3]_*.py")):
                archive.write(source, f"{student}/{source.name}")
        archive.writestr("Иван Петров_2_assignsubmission_file_/" + "Отчёт" * 40 + ".pdf", b"%PDF")  # > 255 bytes
    done = run_batch(classzip, tmp_path / "out", "--workers", "1")
    assert "Students: 2 — graded 2" in done.stdout


def test_a_flat_file_named_dot_dot_is_left_out(tmp_path: Path):
    (tmp_path / "x").write_text("X = 1\n", encoding="utf-8")
    files = (("..", tmp_path / "x"), ("ex01_sum_of_squares.py", REFERENCE / "ex01_sum_of_squares.py"))
    packed = pack(Student("attacker", tmp_path, files))
    assert packed.data is not None and packed.error_id is None


def test_a_big_data_folder_beside_the_exercises_does_not_hide_them(tmp_path: Path):
    lab = tmp_path / "s" / "Lab1"
    (lab / "exercises").mkdir(parents=True)
    for source in REFERENCE.glob("ex01_*.py"):
        (lab / "exercises" / source.name).write_bytes(source.read_bytes())
    (lab / "data").mkdir()
    for i in range(MAX_ZIP_ENTRIES + 10):
        (lab / "data" / f"{i}.csv").touch()
    with prepared(tmp_path / "s") as root:
        assert [p.name for p in (root / "exercises").glob("ex*.py")] == ["ex01_sum_of_squares.py"]
    for path in (lab / "exercises").iterdir():
        path.unlink()
    with pytest.raises(SubmissionError) as info, prepared(tmp_path / "s"):
        pass
    assert info.value.message_id == "error.too_many_entries"


def test_a_very_deep_folder_is_not_gradable_not_a_crash(tmp_path: Path):
    import os

    deep = tmp_path / "class" / "mallory"
    deep.mkdir(parents=True)
    levels = [str(deep)]
    for _ in range(1500):  # deeper than Python's recursion limit (made and removed level by level)
        levels.append(os.path.join(levels[-1], "d"))
        os.mkdir(levels[-1])
    Path(levels[-1], "notes.txt").write_text("deep\n", encoding="utf-8")
    reference_zip(tmp_path / "class" / "bob.zip")
    try:
        done = run_batch(tmp_path / "class", tmp_path / "out", "--workers", "1")
    finally:
        os.unlink(os.path.join(levels[-1], "notes.txt"))
        for level in reversed(levels[1:]):
            os.rmdir(level)
    assert "Students: 2 — graded 1" in done.stdout and "not gradable 1" in done.stdout


def test_a_class_nobody_could_be_graded_in_has_no_average(tmp_path: Path):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    (tmp_path / "class" / "alice" / "notes.txt").write_text("nothing\n", encoding="utf-8")
    done = run_batch(tmp_path / "class", tmp_path / "out", "--workers", "1")
    assert "Students: 1 — graded 0" in done.stdout and "not gradable 1" in done.stdout
    assert "average" not in done.stdout and "?" not in done.stdout


def test_a_class_list_is_in_alphabetical_order_for_kazakh_and_russian_names():
    from grader.batch.outputs import roster_key

    names = ["Шұғыла", "Іңкәр", "Әлібек", "Ғалым", "Айгүл", "Қайрат", "Үміт", "Иван", "bob", "Alice", "Ермек"]
    assert sorted(names, key=roster_key) == ["Alice", "bob", "Айгүл", "Әлібек", "Ғалым", "Ермек", "Иван", "Қайрат",
                                             "Үміт", "Шұғыла", "Іңкәр"]


def test_a_latin_name_with_an_accent_sorts_with_its_letter():
    from grader.batch.outputs import roster_key

    names = ["zed", "Émile", "Bob", "adam", "Emily", "Zoë", "Zoe", "Ásel"]
    assert sorted(names, key=roster_key) == ["adam", "Ásel", "Bob", "Émile", "Emily", "zed", "Zoe", "Zoë"]


def test_a_name_unzipped_in_decomposed_form_sorts_as_it_reads():
    """macOS and some unzip tools write й, ё (and é) as a letter plus a combining mark (NFD): the
    name then sorted as if it held и, е, e and one more character."""
    import unicodedata

    from grader.batch.outputs import roster_key

    names = ["Сергеич", "Сергей", "Сергеев", "Алёна", "Алекс", "Émile", "Emily"]
    expected = sorted(names, key=roster_key)
    assert expected == ["Émile", "Emily", "Алекс", "Алёна", "Сергеев", "Сергеич", "Сергей"]
    decomposed = [unicodedata.normalize("NFD", name) for name in names]
    assert [unicodedata.normalize("NFC", name) for name in sorted(decomposed, key=roster_key)] == expected


def test_a_kit_updated_in_place_regrades_instead_of_keeping_old_results(tmp_path: Path):
    """The version stays 0.1.0 across a `git pull`; what grades is hashed into the options."""
    import shutil

    from grader.batch.pipeline import grader_fingerprint

    kit = tmp_path / "kit"
    shutil.copytree(Path(__file__).resolve().parents[2] / "grader", kit / "grader",
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = grader_fingerprint(kit / "grader")
    suite = kit / "grader" / "suites" / "test_ex03.py"
    suite.write_text(suite.read_text(encoding="utf-8") + "\n# a new test\n", encoding="utf-8")
    grader_fingerprint.cache_clear()
    assert grader_fingerprint(kit / "grader") != before


def test_a_student_whose_files_look_like_a_class_download_is_that_student_s_problem(tmp_path: Path):
    """A student's own file named as Moodle names a class's (`X_9_assignsubmission_file_…`), or
    two files named as Canvas names two students', made the whole batch refuse to run ('an LMS's
    download of a whole class'): one upload's name stopped the class. That student alone is
    not graded, with the reason; the others are."""
    submissions = tmp_path / "class"
    (submissions / "bob").mkdir(parents=True)
    reference_zip(submissions / "alice.zip")
    for source in sorted(REFERENCE.glob("ex0[1-3]_*.py")):
        (submissions / "bob" / source.name).write_bytes(source.read_bytes())
    (submissions / "bob" / "Mallory_9_assignsubmission_file_notes.txt").write_text("hi\n")
    with zipfile.ZipFile(submissions / "carol.zip", "w") as archive:
        for source in sorted(REFERENCE.glob("ex0[1-3]_*.py")):
            archive.write(source, source.name)
        archive.writestr("kimlee_111_1_a.py", "A = 1\n")
        archive.writestr("parkmin_222_2_b.py", "B = 2\n")
    done = run_batch(submissions, tmp_path / "out", "--workers", "1", check=False)
    assert done.returncode == 0, done.stderr
    assert "Students: 3 — graded 1" in done.stdout and "not gradable 2" in done.stdout, done.stdout
    for student in ("bob", "carol"):
        record = (tmp_path / "out" / "results" / f"{student}.json").read_text(encoding="utf-8")
        assert "download of a whole class" in record, record


def test_a_folder_of_many_renamed_copies_is_read_in_linear_time():
    """Each file claiming an exercise's name (`ex03_gradient_step (1).py`, `ex3 (2).py`, …) was
    looked up in the list of all the folder's names: 30,000 of them took 5.7 s, 100,000 (a class
    zip holds that many) a minute, and a folder's count has no bound."""
    import time

    from grader.submission import module_files

    names = [f"ex03_gradient_step ({i}).py" for i in range(50_000)] + ["ex3.py", "notes.txt"]
    start = time.perf_counter()
    chosen = module_files(names)
    assert time.perf_counter() - start < 2
    assert "ex03_gradient_step.py" not in chosen.values()  # many claims, none the student's one


def test_odd_names_never_pack_an_empty_submission(tmp_path: Path):
    """`ex3.py` followed by a newline (a zip's or a file system's name may end so) was read as
    an exercise file (`$` matches before a last newline) but copied under its own name, which is
    no module: the packed submission was empty, and the worker said 'no exercise files in
    /tmp/gdkit-…-batch-…/0-….zip'. And a folder named like an exercise file claimed the
    exercise, so that the student's file of it was not graded."""
    import io

    ex03 = (REFERENCE / "ex03_gradient_step.py").read_bytes()
    newline = tmp_path / "newline"
    newline.mkdir()
    (newline / "ex3.py\n").write_bytes(ex03)
    (newline / "ex03_gradient_step.txt").mkdir()
    packed = pack(Student("newline", newline))
    if packed.data is not None:
        assert zipfile.ZipFile(io.BytesIO(packed.data)).namelist() != [], "an empty submission"
    folder = tmp_path / "folder"
    (folder / "ex03_gradient_step (1).py").mkdir(parents=True)
    (folder / "ex3.py").write_bytes(ex03)
    packed = pack(Student("folder", folder))
    assert zipfile.ZipFile(io.BytesIO(packed.data)).read("exercises/ex03_gradient_step.py") == ex03


def test_two_claims_to_one_exercise_and_nothing_else_is_said_at_intake(tmp_path: Path):
    """`ex03_gradient_step.txt` and `Ex03_Gradient_Step.py.txt`, both claiming ex03, neither
    taken: the packed submission was empty, and the worker's 'no exercise files in
    /tmp/gdkit-…-batch-…/0-….zip: … Point --submission at your exercises folder' (a path of
    its own, words for a student) was the reason given to the instructor."""
    ex03 = (REFERENCE / "ex03_gradient_step.py").read_bytes()
    tom = tmp_path / "tom"
    tom.mkdir()
    (tom / "ex03_gradient_step.txt").write_bytes(ex03)
    (tom / "Ex03_Gradient_Step.py.txt").write_bytes(ex03)
    packed = pack(Student("tom", tom))
    assert packed.data is None and packed.error_id == "batch.error.no_exercise_names", packed
    assert dict(packed.error_params)["path"] == "tom"


def test_a_huge_file_that_is_no_submission_is_hashed_without_reading_it_whole(tmp_path: Path):
    """A not-gradable student's file (a .zip that is none, a class download of every student's
    PDFs saved among the students) was read whole into memory to hash it: 1.5 GiB under a 1 GiB
    address space was a MemoryError out of pack, which stopped the batch."""
    import subprocess
    import sys

    huge = tmp_path / "mallory.zip"
    with open(huge, "wb") as sparse:  # takes no disk
        sparse.truncate(3 * 1024**3 // 2)
    code = ("import resource, sys; from pathlib import Path; from grader.batch.intake import Student, pack;"
            "resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3));"
            "packed = pack(Student('mallory', Path(sys.argv[1]))); print(packed.error_id, packed.hash[:4])")
    done = subprocess.run([sys.executable, "-c", code, str(huge)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.split() == ["batch.error.not_a_zip", "raw:"], done.stderr[-500:]


def test_a_file_named_by_its_number_beside_a_big_folder_is_graded(tmp_path: Path):
    """`ex3.py` beside a `data/` folder of more entries than are looked at was 'too many
    entries' (the look for exercises' full names went down into data/ and stopped there),
    while the same file named ex03_gradient_step.py was graded."""
    ex03 = (REFERENCE / "ex03_gradient_step.py").read_bytes()
    student = tmp_path / "s"
    (student / "data").mkdir(parents=True)
    for i in range(MAX_ZIP_ENTRIES + 10):
        (student / "data" / f"{i}.csv").touch()
    (student / "ex3.py").write_bytes(ex03)
    with prepared(student) as root:
        assert (root / "exercises" / "ex03_gradient_step.py").read_bytes() == ex03
