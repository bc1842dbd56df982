"""SUBMISSIONS may be the zip an LMS downloads: the same outputs as the unpacked folder, and an
unsafe archive writes nothing outside the run's private folder."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

from .conftest import outputs_of, run_batch

REFERENCE_EX01 = Path(__file__).resolve().parents[2] / "reference" / "ex01_sum_of_squares.py"


def _class_folders(folder: Path | None = None) -> set[str]:
    return {p.name for p in Path(folder or tempfile.gettempdir()).glob("gdkit-*-class-*")}


def test_the_lms_zip_of_the_class_gives_the_outputs_of_the_folder(baseline: Path, classroom: Path, tmp_path: Path):
    private_tmp = tmp_path / "tmp"  # the run's own: another run on this machine has its own folders
    private_tmp.mkdir()
    archive = shutil.make_archive(str(tmp_path / "download"), "zip", classroom.parent, classroom.name)
    run_batch(Path(archive), tmp_path / "out", "--workers", "2", env={**os.environ, "TMPDIR": str(private_tmp)})
    assert outputs_of(tmp_path / "out") == outputs_of(baseline)
    assert _class_folders(private_tmp) == set()  # the unpacked copy is gone


def test_an_unsafe_class_zip_writes_nothing_outside_and_grades_the_rest(tmp_path: Path):
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(REFERENCE_EX01, "bob/ex01_sum_of_squares.py")
        zf.writestr("../escape.py", "X = 1\n")
        zf.writestr("/abs/evil.py", "X = 1\n")
        zf.writestr("__MACOSX/bob/._ex01_sum_of_squares.py", "junk")
        link = zipfile.ZipInfo("mallory/ex01_sum_of_squares.py")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, str(REFERENCE_EX01))
        zf.writestr("mallory/report.pdf", b"%PDF")
        only_link = zipfile.ZipInfo("cy/ex01_sum_of_squares.py")  # cy's one file: cy is not gradable, not missing
        only_link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(only_link, "/etc/passwd")
    done = run_batch(archive, tmp_path / "out", "--workers", "1", "--exercises", "1")
    assert "Students: 3 — graded 1, unchanged and skipped 0, not gradable 2" in done.stdout
    assert not (tmp_path / "escape.py").exists() and not Path("/abs/evil.py").exists()
    rows = (tmp_path / "out" / "grades.csv").read_text().splitlines()
    assert rows[1:] == ["bob,17,17", "cy,0,0", "mallory,0,0"]


def test_a_zip_bomb_is_its_student_s_and_a_file_that_is_no_zip_stops_the_command_clearly(tmp_path: Path):
    """A bomb stopped the whole command; it is its student's "not gradable" now (more in
    test_class_zip_limits.py), even in a class zip of that one student."""
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("alice/ex01_sum_of_squares.py", b"#" * (8 * 1024 * 1024))
    done = run_batch(bomb, tmp_path / "out")
    assert "not gradable 1" in done.stdout and "Traceback" not in done.stderr
    record = (tmp_path / "out" / "results" / "alice.json").read_text()
    assert "alice/ex01_sum_of_squares.py unpacks to more than 200 times its packed size" in record
    text = tmp_path / "grades.txt"
    text.write_text("not a zip")
    refused = run_batch(text, tmp_path / "out", check=False)
    assert refused.returncode == 2 and "is neither a folder nor a zip" in refused.stderr


def test_long_entry_names_are_sorted_in_time_linear_in_their_length(tmp_path: Path):
    """Whether an entry is read by grading (an exercise's `exNN_….txt` is) was a regular
    expression that went back over the rest of the name at each `_exN_` in it: names of 65,000
    characters (a zip allows them) took a quarter of a second each, twice, so 200 of them in a
    26 MB class zip held the batch for 113 s before grading began."""
    import time

    from grader.batch.download import unpack

    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(REFERENCE_EX01, "bob/ex01_sum_of_squares.py")
        for i in range(40):
            zf.writestr(f"mallory/{i}" + "_ex1_" * 13000 + "x.pdf", b"")
        zf.writestr("mallory/name_1_2_ex03_gradient_step.txt", "X = 1\n")
    start = time.perf_counter()
    unpack(archive, tmp_path / "class")
    assert time.perf_counter() - start < 5
    assert (tmp_path / "class" / "mallory" / "name_1_2_ex03_gradient_step.txt").read_text() == "X = 1\n"


def test_a_student_s_big_or_repetitive_text_file_is_no_reason_to_refuse_the_class(tmp_path: Path):
    """An exercise's .txt is unpacked with its content; a training log named like one
    (`ex05_training_log.txt`, 4 MB of one line again and again, 411:1) then went through the
    zip-bomb checks, and the whole class zip was refused. A .txt too big or too compressed to
    be an exercise's file is written as its name alone, as any other file."""
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(REFERENCE_EX01, "Anna_1_assignsubmission_file_/ex01_sum_of_squares.py")
        zf.write(REFERENCE_EX01, "Bob_2_assignsubmission_file_/ex01_sum_of_squares.py")
        zf.writestr("Bob_2_assignsubmission_file_/ex05_training_log.txt", b"epoch loss 0.000000\n" * 200_000)
        zf.writestr("Bob_2_assignsubmission_file_/ex02_numerical_gradient.txt", b"X = 2\n")
    done = run_batch(archive, tmp_path / "out", "--exercises", "1", "--workers", "1")
    assert "Students: 2 — graded 2" in done.stdout, done.stdout + done.stderr
    from grader.batch.download import unpack

    unpack(archive, tmp_path / "class")
    bob = tmp_path / "class" / "Bob_2_assignsubmission_file_"
    assert (bob / "ex05_training_log.txt").stat().st_size == 0
    assert (bob / "ex02_numerical_gradient.txt").read_bytes() == b"X = 2\n"


def test_a_student_s_repetitive_python_file_is_no_reason_to_refuse_the_class(tmp_path: Path):
    """A 1 MB data literal (`X = [0.0, 0.0, …]`, 670:1 deflated) is no bomb: its size is what
    the intake takes (1 MiB), and the class's 2 GiB bound holds for any number of such files;
    the 200:1 check refused the whole class zip for it. It is that student's file (which the
    intake's own bounds then judge, for that student alone)."""
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(REFERENCE_EX01, "Anna_1_assignsubmission_file_/ex01_sum_of_squares.py")
        zf.write(REFERENCE_EX01, "Bob_2_assignsubmission_file_/ex01_sum_of_squares.py")
        zf.writestr("Bob_2_assignsubmission_file_/data.py", b"X = [" + b"0.0, " * 200_000 + b"]\n")
    done = run_batch(archive, tmp_path / "out", "--exercises", "1", "--workers", "1", check=False)
    assert done.returncode == 0 and "Students: 2 — graded" in done.stdout, done.stdout + done.stderr
    assert (tmp_path / "out" / "grades.csv").read_text().splitlines()[1] == "Anna_1,17,17"
