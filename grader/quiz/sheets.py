"""Answer sheets: one YAML file per student, graded alone (a report) or as a class (a CSV).

    student: Aigerim S.        # optional, default: the file name
    seed: 7                    # the variant printed by `grade quiz render --seed 7` (default 0)
    answers:
      question-id: 2           # what the learner would type in `grade quiz take`
      other-id: "0,5"

Every value is read as text (no YAML 1.1 conversion: `no`, `012` and `0,5` stay as written);
a list is joined with spaces. Flashcards are self-assessed and not graded here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from grader.i18n import translate
from grader.quiz.errors import Problem, ProblemsError, QuizError
from grader.quiz.fields import FieldReader
from grader.quiz.grading import Outcome, answer_text, grade
from grader.quiz.loader import Catalog, display_name, yaml_files
from grader.quiz.present import Presented, present
from grader.quiz.yamlsource import MarkedDict, MarkedList, read_yaml

SHEET_FIELDS = ("student", "seed", "answers")


@dataclass(frozen=True)
class Sheet:
    """One student's answers: question id -> response, in the order written."""

    file: str
    student: str
    seed: int
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Mark:
    """One graded answer; INVALID (unreadable or blank) counts as wrong."""

    presented: Presented
    response: str
    outcome: Outcome


@dataclass(frozen=True)
class SheetResult:
    """The marks of one sheet."""

    sheet: Sheet
    marks: tuple[Mark, ...]

    @property
    def correct(self) -> int:
        """How many answers are right."""
        return sum(1 for mark in self.marks if mark.outcome is Outcome.CORRECT)

    @property
    def percent(self) -> int:
        """The score in percent, rounded."""
        return round(100 * self.correct / len(self.marks)) if self.marks else 0


def sheet_files(path: Path) -> list[Path]:
    """`path` if it is a file, else the *.yaml and *.yml files in it, sorted."""
    files = yaml_files(path)
    if not files:
        raise QuizError("quiz.error.no_sheets", path=path)
    return files


def read_sheets(files: Sequence[Path], catalog: Catalog) -> list[Sheet]:
    """Every sheet, or ProblemsError listing the problems of all of them."""
    sheets, problems = [], []
    for path in files:
        sheet, found = _read_sheet(path, catalog)
        problems += found
        if sheet is not None:
            sheets.append(sheet)
    if problems:
        raise ProblemsError("quiz.error.sheet_problems", problems)
    return sheets


def _read_sheet(path: Path, catalog: Catalog) -> tuple[Sheet | None, list[Problem]]:
    label = display_name(path)
    data, problems = read_yaml(path, label, text_only=True)
    if data is None:
        return None, problems
    reader = FieldReader(label)
    if not isinstance(data, MarkedDict):
        reader.report(1, "sheet_not_mapping")
        return None, reader.problems
    reader.unknown_fields(data, SHEET_FIELDS)
    seed = str(data.get("seed") or "0").strip()
    if not seed.isdigit():
        reader.report(data.line_of("seed"), "bad_seed", seed=seed)
    answers = reader.mapping(data, "answers")
    pairs = []
    for question_id, value in (answers or {}).items():
        if catalog.question(question_id) is None:
            reader.report(answers.line_of(question_id), "unknown_question", id=question_id)
        else:
            response = " ".join(value) if isinstance(value, MarkedList) else str(value or "")
            pairs.append((question_id, response))
    if reader.problems:
        return None, reader.problems
    student = str(data.get("student") or "").strip() or path.stem
    return Sheet(label, student, int(seed), tuple(pairs)), []


def grade_sheet(sheet: Sheet, catalog: Catalog, lang: str) -> SheetResult:
    """Grade every auto-graded answer of the sheet in the variant of its seed."""
    marks = []
    for question_id, response in sheet.answers:
        question = catalog.question(question_id)
        if question.auto_graded:
            presented = present(question, lang, sheet.seed)
            marks.append(Mark(presented, response, grade(presented, response)))
    return SheetResult(sheet, tuple(marks))


def report_lines(result: SheetResult, lang: str) -> list[str]:
    """A student's result: the score, then each answer with the right one where it was wrong."""
    sheet = result.sheet
    lines = [translate("quiz.sheet.header", lang, student=sheet.student, file=sheet.file,
                       seed=sheet.seed, correct=result.correct, total=len(result.marks),
                       percent=result.percent)]
    for mark in result.marks:
        qid = mark.presented.question.id
        if mark.outcome is Outcome.CORRECT:
            lines.append(translate("quiz.sheet.right", lang, id=qid))
        else:
            lines.append(translate("quiz.sheet.wrong", lang, id=qid, given=mark.response,
                                   answer=answer_text(mark.presented)))
    return lines


def class_csv(results: Sequence[SheetResult], catalog: Catalog) -> str:
    """One row per sheet: student, file, seed, correct, total, percent, then 1/0 per question
    (empty where the question was not on that sheet), columns in bank order."""
    asked = {mark.presented.question.id for result in results for mark in result.marks}
    columns = [q.id for q in catalog.questions if q.id in asked]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "file", "seed", "correct", "total", "percent", *columns])
    for result in results:
        cells = {m.presented.question.id: int(m.outcome is Outcome.CORRECT) for m in result.marks}
        sheet = result.sheet
        writer.writerow([sheet.student, sheet.file, sheet.seed, result.correct, len(result.marks),
                         result.percent, *(cells.get(column, "") for column in columns)])
    return out.getvalue()
