"""Moodle's offline grading worksheet, filled in from a batch's gradebook.

In Moodle, an assignment whose feedback types include "Offline grading worksheet" gives one
(View all submissions → Grading action: Download grading worksheet): a CSV with a row per
participant, in the site's language. Three of its columns matter here (Moodle's
mod/assign/gradingtable.php makes them):
  - the identifier, "Participant 123456" ("Участник 123456", …): the number is the one
    "Download all submissions" puts in each student's folder, `Full Name_123456_…`, which the
    batch keeps as the student id `Full Name_123456`;
  - the grade, and right after it the maximum grade (the same number on every row) when the
    assignment is graded in points.
`fill` writes each graded participant's total, scaled to the assignment's maximum,
grade = score / max_score × maximum, with 2 decimals; every other cell, the rows of students
it has no grading of, and the file's encoding and separator stay as they were. Moodle's
"Upload grading worksheet" takes the file back.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import click

from ..commands.student import lang_option, language
from ..i18n import translate
from .store import GRADEBOOK, Gradebook, Stored

BOM = "\ufeff"
PARTICIPANT = re.compile(r"^(\D+?)\s*(\d+)$")  # "Participant 123456": a word in any language, a number
STUDENT_NUMBER = re.compile(r"_(\d+)$")  # the batch's Moodle id, "Full Name_123456"
SEPARATORS = ",;\t"


class WorksheetError(Exception):
    """The worksheet or the gradebook cannot be used: a message id and its parameters."""

    def __init__(self, message_id: str, **params: object):
        super().__init__(message_id, params)
        self.message_id, self.params = message_id, params


@dataclass
class Sheet:
    """A worksheet as read: its rows (the header first) and how to write it back alike."""

    rows: list[list[str]]
    separator: str
    line_end: str
    bom: bool

    @property
    def header(self) -> list[str]:
        return self.rows[0]


@dataclass
class Filled:
    """What `fill` did: the participants graded, and the students it left alone, by why."""

    graded: int = 0
    maximum: str = ""
    not_graded: list[str] = field(default_factory=list)  # in the worksheet, no grading in the gradebook
    undecided: list[str] = field(default_factory=list)  # not gradable, or the grader failed: left blank
    unmatched: list[str] = field(default_factory=list)  # graded, and not in the worksheet
    superseded: list[str] = field(default_factory=list)  # an older id of a participant graded again since
    withdrawn: list[str] = field(default_factory=list)  # graded once, not in the last run's SUBMISSIONS: left as it was


def read_sheet(path: Path) -> Sheet:
    """The worksheet at `path` (UTF-8, with or without a BOM; comma, semicolon or tab)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise WorksheetError("worksheet.error.not_utf8", path=str(path)) from None
    bom = text.startswith(BOM)
    text = text[len(BOM):] if bom else text
    first = text.split("\n", 1)[0]
    separator = max(SEPARATORS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise WorksheetError("worksheet.error.csv", path=str(path), line=reader.line_num, reason=str(error)) from None
    if len(rows) < 2:
        raise WorksheetError("worksheet.error.no_identifier", path=str(path))
    return Sheet(rows, separator, "\r\n" if "\r\n" in text else "\n", bom)


def write_sheet(sheet: Sheet) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=sheet.separator, lineterminator=sheet.line_end).writerows(sheet.rows)
    return ((BOM if sheet.bom else "") + buffer.getvalue()).encode("utf-8")


def identifier_column(sheet: Sheet, path: Path) -> int:
    """The leftmost column whose every value is one word and a number, the same word on every
    row ("Participant 123456")."""
    for index in range(len(sheet.header)):
        found = [PARTICIPANT.match(_cell(row, index).strip()) for row in sheet.rows[1:]]
        if found and all(found) and len({m.group(1) for m in found}) == 1:
            return index
    raise WorksheetError("worksheet.error.no_identifier", path=str(path))


def grade_columns(sheet: Sheet, path: Path, named: str | None = None) -> tuple[int, int]:
    """(grade, maximum grade): the column `named`, or the first whose values are all numbers,
    empty or "-" (not graded), followed by a column of one and the same positive number on
    every row."""
    header = sheet.header
    if named is not None:
        if named not in header:
            raise WorksheetError("worksheet.error.unknown_column", path=str(path), column=named,
                                 columns=_listed(header))
        grade = header.index(named)
        if _maximum(sheet, grade + 1) is None:
            raise WorksheetError("worksheet.error.no_maximum", path=str(path), column=named)
        return grade, grade + 1
    for grade in range(len(header) - 1):
        if all(_number(_cell(row, grade)) is not None or _cell(row, grade).strip() in ("", "-") for row in sheet.rows[1:]) \
                and _maximum(sheet, grade + 1) is not None:
            return grade, grade + 1
    raise WorksheetError("worksheet.error.no_grade_column", path=str(path), columns=_listed(header))


def fill(worksheet: Path, out: Path, named: str | None = None) -> tuple[Sheet, Filled]:
    """The worksheet with the grade of every participant the gradebook of `out` has graded.

    A student who could not be graded, or on whom the grader failed, is left blank (the
    instructor decides: the reason is in out/results/); one not in the gradebook, as it was;
    one graded once but no longer in the last run's SUBMISSIONS (a submission withdrawn or
    removed on Moodle since), as it was too: that grading is of work no longer handed in."""
    if not (out / GRADEBOOK).is_file():
        raise WorksheetError("worksheet.error.no_gradebook", out=str(out))
    sheet = read_sheet(worksheet)
    ids = identifier_column(sheet, worksheet)
    grade, maximum_column = grade_columns(sheet, worksheet, named)
    rows_by_number = {PARTICIPANT.match(row[ids].strip()).group(2): row for row in sheet.rows[1:]}
    maximum = _maximum(sheet, maximum_column)  # (grade_columns found one on every row)
    filled = Filled(maximum=_cell(sheet.rows[1], maximum_column).strip())
    current = current_students(out)
    with Gradebook(out / GRADEBOOK) as book:
        latest = latest_by_participant(book.records(), filled, current)
    for number, stored in latest.items():
        row = rows_by_number.get(number)
        if row is None:
            filled.unmatched.append(stored.student)
            continue
        if current and stored.student not in current:
            filled.withdrawn.append(stored.student)
            continue
        top = stored.record.get("max_score")
        if stored.error_id is not None or stored.internal_error or not top:
            row[grade] = ""
            filled.undecided.append(stored.student)
            continue
        row[grade] = f"{stored.score / float(top) * maximum:.2f}"
        filled.graded += 1
    filled.not_graded = [row[ids].strip() for number, row in rows_by_number.items() if number not in latest]
    filled.withdrawn.sort()
    return sheet, filled


def current_students(out: Path) -> set[str]:
    """The students of the last run's SUBMISSIONS: those whose results/ file it kept (it removes
    the files of a student no longer there, whose record the gradebook keeps)."""
    return {path.name[:-len(".json")] for path in (out / "results").glob("*.json")}


def latest_by_participant(records: Iterable[Stored], filled: Filled, current: set[str]) -> dict[str, Stored]:
    """Each Moodle participant's grading, by participant number. A participant who changed the
    name on Moodle is a new student id in the next download, `New Name_123456`, while the
    gradebook keeps `Old Name_123456`: the id in the last run's SUBMISSIONS (`current`) counts,
    else the latest graded; the others go to `filled.superseded`, and records without a number
    to `filled.unmatched`."""
    latest: dict[str, Stored] = {}
    for stored in records:
        number = STUDENT_NUMBER.search(stored.student)
        if number is None:
            filled.unmatched.append(stored.student)
            continue
        before = latest.get(number.group(1))
        if before is not None:
            older, stored = sorted((before, stored), key=lambda s: (s.student in current, s.graded_at, s.student))
            filled.superseded.append(older.student)
        latest[number.group(1)] = stored
    return latest


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _number(text: str) -> float | None:
    """A number as Moodle writes one (100.00, or 100,00 where the decimal separator is a comma)."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def _maximum(sheet: Sheet, index: int) -> float | None:
    """The number every row has in column `index`, if there is one and it is positive."""
    if index >= len(sheet.header):
        return None
    values = {_number(_cell(row, index)) for row in sheet.rows[1:]}
    (value,) = values if len(values) == 1 else (None,)
    return value if value is not None and value > 0 else None


def _listed(header: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in header)


@click.command("worksheet")
@click.argument("worksheet", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--from", "out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="The folder `grade batch --out` wrote (its gradebook.sqlite is read).")
@click.option("--grade-column", "named", default=None, metavar="HEADER",
              help="The worksheet's grade column, when it cannot be told (the one before the maximum grade).")
@click.option("--to", "target", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Where to write the filled worksheet (default: the --from folder, the worksheet's name with -filled).")
@lang_option
def worksheet(worksheet: Path, out: Path, named: str | None, target: Path | None, lang: str | None) -> None:
    """Fill in Moodle's grading worksheet (CSV) with the totals of a `grade batch`, scaled to the assignment's maximum grade, to upload back to Moodle."""
    from .cli import InputProblem, counted, listed
    from .outputs import atomic_write

    lang = language(lang)
    try:
        sheet, filled = fill(worksheet, out, named)
    except WorksheetError as error:
        raise InputProblem(translate(error.message_id, lang, **error.params)) from None
    target = target or out / f"{worksheet.stem}-filled.csv"
    atomic_write(target, write_sheet(sheet))
    for kind, names in (("undecided", filled.undecided), ("not_graded", filled.not_graded),
                        ("unmatched", filled.unmatched), ("superseded", filled.superseded),
                        ("withdrawn", filled.withdrawn)):
        if names:
            click.echo(counted(f"worksheet.{kind}", len(names), lang, names=listed(names), out=str(out)), err=True)
    click.echo(counted("worksheet.done", filled.graded, lang, graded=filled.graded, path=str(target), maximum=filled.maximum))
