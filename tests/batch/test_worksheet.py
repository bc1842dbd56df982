"""grade worksheet: Moodle's grading worksheet filled in from a batch's gradebook."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MISTAKES, REFERENCE, submission_with

from .conftest import run_batch

REFERENCE_EX01 = REFERENCE / "ex01_sum_of_squares.py"
# The columns mod/assign/gradingtable.php writes in a worksheet download, in English.
HEADER = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade", "Grade can be changed",
          "Last modified (submission)", "Last modified (grade)", "Feedback comments"]


def worksheet_rows(maximum: str = "100.00", word: str = "Participant") -> list[list[str]]:
    people = [("101", "Anna Abaeva"), ("102", "Bob Bekov"), ("103", "Cy Cohen"), ("104", "Dan Dosov")]
    return [[f"{word} {number}", name, f"{name.split()[0].lower()}@example.kz", "Submitted for grading",
             "17.50" if number == "104" else "", maximum, "Yes", "Monday, 23 November 2026, 10:00 AM", "-", ""]
            for number, name in people]


def write_csv(path: Path, header: list[str], rows: list[list[str]], separator: str = ",", bom: bool = False) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=separator, lineterminator="\n").writerows([header, *rows])
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Moodle download of three students graded on exercises 1-2: Anna right, Bob with one
    mistake, Cy with nothing gradable; Dan handed nothing in."""
    root = tmp_path_factory.mktemp("worksheet")
    submissions = root / "submissions"
    submission_with(submissions / "Anna Abaeva_101_assignsubmission_file_", {})
    submission_with(submissions / "Bob Bekov_102_assignsubmission_file_", {1: MISTAKES / "ex01_gradient_missing_factor_2.py"})
    (submissions / "Cy Cohen_103_assignsubmission_file_").mkdir(parents=True)
    (submissions / "Cy Cohen_103_assignsubmission_file_" / "notes.pdf").write_bytes(b"%PDF-1.4")
    run_batch(submissions, root / "out", "--exercises", "1-2", "--workers", "1")
    return root / "out"


def grade(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "grader", "worksheet", *args, "--lang", lang],
                          capture_output=True, text=True, timeout=120)


def totals(out: Path) -> dict[str, tuple[float, float]]:
    records = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (out / "results").glob("*.json")}
    return {student: (record["score"], record["max_score"]) for student, record in records.items()}


def test_the_graded_get_their_total_scaled_and_every_other_cell_stays(graded: Path, tmp_path: Path):
    rows = worksheet_rows("20.00")
    sheet = write_csv(tmp_path / "Grades-MATH101-Week1-42.csv", HEADER, rows)
    done = grade(str(sheet), "--from", str(graded))
    assert done.returncode == 0, done.stderr
    filled = list(csv.reader(io.StringIO((graded / "Grades-MATH101-Week1-42-filled.csv").read_text(encoding="utf-8"))))
    assert filled[0] == HEADER
    scores = totals(graded)
    anna, bob = scores["Anna Abaeva_101"], scores["Bob Bekov_102"]
    assert anna[0] == anna[1] and bob[0] < bob[1]
    assert [row[4] for row in filled[1:]] == ["20.00", f"{bob[0] / bob[1] * 20:.2f}", "", "17.50"]
    for before, after in zip(rows, filled[1:]):  # nothing else moved
        assert before[:4] + before[5:] == after[:4] + after[5:]
    assert "Grades of 2 participants written to" in done.stdout and "maximum grade 20.00" in done.stdout
    said = " ".join(done.stderr.split())
    assert "1 student could not be graded" in said and "Cy Cohen_103" in said  # left blank: the instructor decides
    assert "1 participant of the worksheet has no grading" in said and "Participant 104" in said


def test_a_russian_worksheet_with_semicolons_decimal_commas_and_a_bom_is_written_back_alike(graded: Path,
                                                                                           tmp_path: Path):
    header = ["Идентификатор", "Полное имя", "Адрес электронной почты", "Статус", "Оценка",
              "Максимальная оценка", "Оценка может быть изменена", "Последнее изменение (ответ)",
              "Последнее изменение (оценка)", "Отзыв в виде комментария"]
    sheet = write_csv(tmp_path / "ведомость.csv", header, worksheet_rows("100,00", "Участник"), ";", bom=True)
    target = tmp_path / "filled.csv"
    done = grade(str(sheet), "--from", str(graded), "--to", str(target), lang="ru")
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode()) and b";" in data.split(b"\n")[0]
    filled = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert filled[0] == header and filled[1][4] == "100.00"  # (Moodle reads a point wherever)
    assert "Оценки 2 участников записаны" in done.stdout


def test_the_grade_column_can_be_named_and_a_wrong_name_lists_the_columns(graded: Path, tmp_path: Path):
    sheet = write_csv(tmp_path / "w.csv", HEADER, worksheet_rows())
    named = grade(str(sheet), "--from", str(graded), "--grade-column", "Grade")
    assert named.returncode == 0, named.stderr
    wrong = grade(str(sheet), "--from", str(graded), "--grade-column", "Mark")
    assert wrong.returncode == 2 and "has no column 'Mark'" in wrong.stderr and "'Maximum Grade'" in wrong.stderr
    not_before_a_maximum = grade(str(sheet), "--from", str(graded), "--grade-column", "Status")
    assert not_before_a_maximum.returncode == 2 and "is not the assignment's maximum grade" in not_before_a_maximum.stderr


@pytest.mark.parametrize("kind", ["grades.csv", "scale", "latin-1", "no gradebook"])
def test_what_cannot_be_filled_is_a_clear_input_error_and_writes_nothing(graded: Path, tmp_path: Path, kind: str):
    source, out = tmp_path / "w.csv", graded
    if kind == "grades.csv":  # the batch's own sheet given by mistake
        source = graded / "grades.csv"
        expected = "no column of participant ids such as 'Participant 123456'"
    elif kind == "scale":  # graded with a scale: no maximum column of one number
        rows = [row[:5] + ["Good"] + row[6:] for row in worksheet_rows()]
        write_csv(source, HEADER[:5] + ["Scale"] + HEADER[6:], rows)
        expected = "no grade column followed by the maximum grade"
    elif kind == "latin-1":
        source.write_bytes("Identifier,Full name\nParticipant 1,Zoë\n".encode("latin-1"))
        expected = "is not UTF-8 text"
    else:
        write_csv(source, HEADER, worksheet_rows())
        out = tmp_path / "never graded"
        out.mkdir()
        expected = "holds no gradebook.sqlite"
    before = sorted(p.name for p in out.iterdir())
    done = grade(str(source), "--from", str(out))
    assert done.returncode == 2 and expected in " ".join(done.stderr.split()) and "Traceback" not in done.stderr
    assert sorted(p.name for p in out.iterdir()) == before


def test_students_graded_in_another_course_are_named(graded: Path, tmp_path: Path):
    rows = [row for row in worksheet_rows() if not row[0].endswith("102")]
    done = grade(str(write_csv(tmp_path / "w.csv", HEADER, rows)), "--from", str(graded))
    assert done.returncode == 0
    assert "1 student graded in" in done.stderr and "Bob Bekov_102" in done.stderr


def test_a_student_no_longer_in_the_submissions_keeps_the_worksheet_grade(graded: Path, tmp_path: Path):
    """Bob's submission is gone from the next download (withdrawn on Moodle): the gradebook
    keeps his old grading, but the worksheet is not given it; it says so and whom."""
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    shutil.copytree(graded.parent / "submissions", submissions)
    shutil.copytree(graded, out)
    shutil.rmtree(submissions / "Bob Bekov_102_assignsubmission_file_")
    run_batch(submissions, out, "--exercises", "1-2", "--workers", "1")
    rows = worksheet_rows()
    rows[1][4] = "3.00"  # what Moodle holds for Bob now
    done = grade(str(write_csv(tmp_path / "w.csv", HEADER, rows)), "--from", str(out))
    assert done.returncode == 0, done.stderr
    filled = list(csv.reader(io.StringIO((out / "w-filled.csv").read_text(encoding="utf-8"))))
    assert filled[2][0] == "Participant 102" and filled[2][4] == "3.00"
    assert filled[1][4] == "100.00"  # Anna, still handed in, is written
    said = " ".join(done.stderr.split())
    assert "1 student graded in" in said and "no longer in the submissions" in said and "Bob Bekov_102" in said


def test_a_participant_graded_again_under_a_new_name_gets_the_latest_grading(tmp_path: Path):
    """A participant who changes the name on Moodle is `New Name_105` in the next download; the
    gradebook keeps `Old Name_105` too. The worksheet gets the new grading, whichever id sorts
    last, and says which old one it left out."""
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    old = submission_with(submissions / "Әлібек Нұрланұлы_105_assignsubmission_file_", {})
    run_batch(submissions, out, "--exercises", "1-2", "--workers", "1")
    new = old.rename(submissions / "Alibek Nurlanuly_105_assignsubmission_file_")
    shutil.copyfile(MISTAKES / "ex01_gradient_missing_factor_2.py", new / "ex01_sum_of_squares.py")
    run_batch(submissions, out, "--exercises", "1-2", "--workers", "1")
    rows = [["Participant 105", "Alibek Nurlanuly", "alibek@example.kz", "Submitted for grading", "", "10.00", "Yes",
             "-", "-", ""]]
    done = grade(str(write_csv(tmp_path / "w.csv", HEADER, rows)), "--from", str(out))
    assert done.returncode == 0, done.stderr
    score, top = totals(out)["Alibek Nurlanuly_105"]
    assert score < top
    filled = list(csv.reader(io.StringIO((out / "w-filled.csv").read_text(encoding="utf-8"))))
    assert filled[1][4] == f"{score / top * 10:.2f}"
    assert "Grade of 1 participant written" in done.stdout
    said = " ".join(done.stderr.split())
    assert "1 grading in" in said and "also graded under another name" in said and "Әлібек Нұрланұлы_105" in said
    # Back to the first name, unchanged (skipped: its grading is the older one): it is the current one.
    shutil.copyfile(REFERENCE_EX01, new / "ex01_sum_of_squares.py")
    new.rename(old)
    run_batch(submissions, out, "--exercises", "1-2", "--workers", "1")
    again = grade(str(write_csv(tmp_path / "w.csv", HEADER, rows)), "--from", str(out))
    filled = list(csv.reader(io.StringIO((out / "w-filled.csv").read_text(encoding="utf-8"))))
    assert filled[1][4] == "10.00" and "Alibek Nurlanuly_105" in " ".join(again.stderr.split())


def test_the_count_of_grades_written_takes_its_plural_form():
    from grader.batch.cli import counted

    said = {(lang, n): counted("worksheet.done", n, lang, graded=n, path="w.csv", maximum="10")
            for lang in ("en", "ru") for n in (1, 2, 5, 21)}
    assert said["en", 1].startswith("Grade of 1 participant written") and said["en", 2].startswith("Grades of 2 participants")
    assert said["ru", 1].startswith("Оценки 1 участника записаны") and said["ru", 21].startswith("Оценки 21 участника")
    assert said["ru", 2].startswith("Оценки 2 участников записаны") and said["ru", 5].startswith("Оценки 5 участников")
