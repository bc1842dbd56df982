"""The file views of the records: results/<student>.json, grades.csv, gradescope/<student>/results.json.

Every function here takes a record (the dict of `Report.to_dict()`, or the error record of a
broken submission) and returns bytes; nothing is graded here. No timestamps: the same
records give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path
from typing import Iterable

from ..i18n import translate
from ..lookalikes import notebook_note
from ..storage import atomic_write_bytes

TEMP_PREFIX = ".gdkit-"
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def error_record(message_id: str, message: str) -> dict:
    """The record of a submission that could not be graded: zero points and why."""
    return {"score": 0.0, "max_score": None, "exercises": [], "error": {"id": message_id, "message": message}}


def record_json(record: dict) -> bytes:
    """results/<student>.json: the `grade exercise --json` object, in a fixed format."""
    return (json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False) + "\n").encode("utf-8")


def number(value: float | None) -> str:
    """12.0 -> '12', 2.5 -> '2.5': points as a spreadsheet reads them."""
    if value is None:
        return ""
    value = round(float(value), 6)
    return str(int(value)) if value.is_integer() else repr(value)


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


# The Cyrillic alphabet with Kazakh's own letters in their places (Russian names sort as in
# Russian, Kazakh ones as in Kazakh); Latin names come first, as a roster lists them.
CYRILLIC_ORDER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
ROSTER_RANK = {letter: rank for rank, letter in enumerate(CYRILLIC_ORDER)}


def roster_key(student: str) -> tuple:
    """The order of a class list: alphabetical, case aside (Ә after А, Қ after К, І after Ы),
    a Latin letter's accent aside (Émile between Bob and Zed), the name itself breaking ties,
    so the order is total and the same on every machine. A name in decomposed form (й as и and
    a combining breve, as macOS unzips it) sorts as the same name composed."""
    folded = unicodedata.normalize("NFC", student).casefold()
    letters = tuple((1, ROSTER_RANK[c], c) if c in ROSTER_RANK else (0, 0, _base_letter(c)) for c in folded)
    return letters, folded, student


def _base_letter(character: str) -> str:
    """The letter without its accents (é → e, ñ → n); any other character as it is."""
    return unicodedata.normalize("NFKD", character)[:1] or character


GRADER_FAILED = "batch.error.grader_failed"  # the error id of a grading the grader failed as a whole
GRADER_ERROR = "grader_error"  # the diagnosis of a test the grader failed on (grader/verdict.py, engine.py)
# Diagnoses that say what kept a test from running or answering, not which mistake of the method
# the answer shows: the report lists them apart, Gradescope adds nothing for them (the test's
# message already says what happened).
NOT_MISTAKES = frozenset({"depends_on", "missing_file", "missing_function", "not_implemented", "timeout",
                          "syntax_error", "not_utf8", "raised_exception", "worker_crashed", "channel_broken",
                          "wrong_signature", "sibling_import", "sibling_missing", "reads_input", "writes_files",
                          "removed_from_numpy", GRADER_ERROR})


def is_mistake(diagnosis: str | None) -> bool:
    """Whether a test's diagnosis names a mistake in the student's method (a wrong variant or a
    recognised shape such as a flipped sign), rather than a stub, a crash, a timeout or the grader."""
    return bool(diagnosis) and diagnosis not in NOT_MISTAKES


def unscored_exercises(record: dict, numbers: Iterable[int]) -> set[int]:
    """The exercises whose points a failure of the grader leaves unknown: each with a test the
    grader failed on, or every one of `numbers` when the grading failed as a whole. Such points
    are never a grade: they are left blank (or said to be missing) in every view."""
    if (record.get("error") or {}).get("id") == GRADER_FAILED:
        return set(numbers)
    return {ex["exercise"] for ex in record.get("exercises", [])
            if any(test.get("diagnosis") == GRADER_ERROR for test in ex["tests"])}


def grading_failed(record: dict) -> bool:
    """Whether the grader failed on this submission (as a whole or on some test): its score is no grade."""
    return bool(unscored_exercises(record, (0,)))


def grades_csv(rows: Iterable[tuple[str, list[float | None], float | None]], numbers: tuple[int, ...]) -> bytes:
    """grades.csv: student, exNN (the selected exercises), total; one row per student, in roster
    order. A row is (student, the points per exercise, the total): an exercise not handed in
    has 0; None, where the grader failed, is an empty cell, never a grade."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *(f"ex{n:02d}" for n in numbers), "total"])
    for student, scores, total in sorted(rows, key=lambda row: roster_key(row[0])):
        writer.writerow([safe_cell(student), *(number(score) for score in scores), number(total)])
    return buffer.getvalue().encode("utf-8")


def diagnosis_text(exercise: int, diagnosis: str | None, lang: str) -> str:
    """What a named mistake is, said on its own (the class report lists it without the test's
    message): the report's label where the student's text continues that message, else the
    lecture's explanation; the id itself when there is none."""
    if not diagnosis:
        return ""
    if diagnosis == "not_implemented":
        from .. import curriculum
        from ..errors import GraderError

        # The stub that raises may be the one of the exercise this one calls (ex07's tests, ex05's
        # mse_loss not written): "the function" alone sent the student to a file that is done.
        try:
            called = curriculum.exercise(exercise).depends
        except GraderError:  # (a record of an exercise the curriculum no longer has)
            called = ()
        if called:
            return translate("batch.diagnosis.not_implemented_or_called", lang,
                             called=", ".join(str(n) for n in called))
    for key in (f"batch.diagnosis.{diagnosis}", f"diagnosis.ex{exercise:02d}.{diagnosis}", f"diagnosis.{diagnosis}"):
        text = translate(key, lang, factor="k", number=exercise, order="…")
        if text != key:
            return text
    return diagnosis


# Why a submission is not gradable, said to the student who reads the Gradescope page (the
# record's message tells the instructor what to do); any other reason: batch.gradescope.not_gradable.
FOR_THE_STUDENT = {
    "batch.error.empty": "batch.gradescope.empty",
    "batch.error.nothing_looked_at": "batch.gradescope.nothing_looked_at",
    "batch.error.other_archive": "batch.gradescope.other_archive",
    "batch.error.zip_in_zip": "batch.gradescope.zip_in_zip",
    "batch.error.no_py_files": "batch.gradescope.no_py_files",
    "batch.error.no_exercise_names": "batch.gradescope.no_exercise_names",
    "batch.error.not_a_zip": "batch.gradescope.bad_zip",
    "batch.error.bad_zip": "batch.gradescope.bad_zip",
    "batch.error.zip_encrypted": "batch.gradescope.bad_zip",
    "batch.error.zip_unsafe": "batch.gradescope.zip_unsafe",
    "batch.error.class_zip_student_unsafe": "batch.gradescope.too_large",
    "error.too_many_entries": "batch.gradescope.too_large",
    "error.file_too_large": "batch.gradescope.too_large",
    "error.several_zips": "batch.gradescope.several_zips",
}


# The diagnoses whose message the grader words alone, from nothing the student's code sent:
# shown on Gradescope whatever the seed (test_output).
OWN_WORDS = frozenset({"timeout", "worker_crashed", "missing_file"})


def not_gradable_for_the_student(error_id: str, lang: str) -> str:
    """Why a submission could not be graded, addressed to its student: what to hand in instead."""
    return translate(FOR_THE_STUDENT.get(error_id, "batch.gradescope.not_gradable"), lang)


def depends_on_note(exercise: int, lang: str) -> str:
    """What a `depends_on` test's message ends with (grader/dependencies.py): the exercise it
    calls does not pass, fix that one first; said without the message, which holds the inputs."""
    from .. import curriculum

    called = curriculum.exercise(exercise).depends
    if len(called) == 1:
        return translate("result.depends_on", lang, number=called[0])
    return translate("diagnosis.depends_on", lang)


def test_output(exercise: int, test: dict, lang: str, numbers_shown: bool = True, notebook: str | None = None) -> str:
    """A test's feedback on Gradescope: its message and, for a named mistake whose explanation
    the message does not hold already, that explanation in the student's language. Nothing is
    added for what is no mistake of the method (a timeout, a stub, a crash, the grader's own
    failure): the message says what happened, and an id such as `timeout` is no explanation.

    Without `numbers_shown` (a grading with the instructor's own seed), a wrong answer's message,
    which holds the hidden inputs and the expected answer, is left out: a student who could
    resubmit would otherwise return those. The mistake's name stays, and where to see the numbers;
    a test that fails through the exercise it calls (`depends_on`) says which one to fix first,
    and a stub's, the exercise's `notebook` beside it (the record's `notebook_beside`), if any.
    So is every other message but the grader's own words (OWN_WORDS): an error's holds what the
    student's code said (an exception's text and type, a line, a function name), which that code
    can make of the hidden inputs it was called with; what kind of error it was (a syntax error,
    a stub, an exception) is said instead, in the grader's words."""
    output = test.get("message", "")
    if not numbers_shown and test.get("status") != "passed" and test.get("diagnosis") not in OWN_WORDS:
        hidden = translate("batch.gradescope.numbers_hidden", lang, number=exercise)
        if test.get("diagnosis") == "depends_on":  # the grader's words: which exercise to fix first
            return depends_on_note(exercise, lang) + "\n\n" + hidden
        if not is_mistake(test.get("diagnosis")):
            # What happened, in the grader's own words (a syntax error, a stub, a crash): without
            # it a file that does not compile read as a test failed on inputs kept hidden.
            what = diagnosis_text(exercise, test.get("diagnosis"), lang)
            if notebook is not None and test.get("diagnosis") == "not_implemented":
                what = f"{what} {notebook_note(exercise, notebook, lang)}"
            return (what + "\n\n" if what and what != test.get("diagnosis") else "") + hidden
        return translate("batch.gradescope.diagnosis", lang, text=diagnosis_text(exercise, test["diagnosis"], lang)) + "\n\n" + hidden
    if not is_mistake(test.get("diagnosis")):
        return output
    explanation = diagnosis_text(exercise, test["diagnosis"], lang)
    if explanation == test["diagnosis"] or explanation in output:
        return output
    return (output + "\n\n" if output else "") + translate("batch.gradescope.diagnosis", lang, text=explanation)


def gradescope(record: dict, lang: str, numbers_shown: bool = True) -> dict:
    """The Gradescope autograder results.json of one record (one entry per hidden test). A
    grading the grader failed on gets no score at all (neither overall nor per test) and says
    so: it is graded again by the next run. `numbers_shown`: see test_output."""
    if grading_failed(record):
        return {"output": translate("batch.gradescope.grader_failed", lang), "visibility": "visible",
                "stdout_visibility": "hidden", "tests": []}
    tests = []
    for ex in record.get("exercises", []):
        for index, test in enumerate(ex["tests"], 1):
            tests.append({
                "name": f"ex{ex['exercise']:02d} · {test.get('title', test['name'])}",
                "number": f"{ex['exercise']}.{index}",
                "score": test["score"],
                "max_score": test["max_score"],
                "status": "passed" if test["status"] == "passed" else "failed",
                "output": test_output(ex["exercise"], test, lang, numbers_shown, ex.get("notebook_beside")),
                "visibility": "visible",
                "tags": [f"ex{ex['exercise']:02d}"] + ([test["diagnosis"]] if test.get("diagnosis") else []),
            })
    result: dict = {"score": record.get("score", 0.0), "visibility": "visible", "stdout_visibility": "hidden",
                    "tests": tests}
    if record.get("error"):
        result["output"] = not_gradable_for_the_student(record["error"]["id"], lang)
    else:
        result["output"] = translate("batch.gradescope.summary", lang, score=number(record.get("score")),
                                     max_score=number(record.get("max_score")))
    return result


def gradescope_json(record: dict, lang: str, numbers_shown: bool = True) -> bytes:
    # Compact: read by Gradescope, not people (json's C encoder; with indent it is pure Python).
    return (json.dumps(gradescope(record, lang, numbers_shown), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def atomic_write(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write `data` to `path` through a temporary file and os.replace; skip when already identical.

    A student's files (results, Gradescope, page) go with `durable=False`, without an fsync
    each: the gradebook's commit is what keeps a result, and every run rewrites from it the
    files that differ, so a file a machine crash emptied comes back at the next run."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data, prefix=TEMP_PREFIX, durable=durable)
    return True


def remove_views_of(out: Path, students: list[str]) -> None:
    """Remove results/<s>.json, gradescope/<s>/results.json and students/<s>.html of each of
    `students` (the gradebook's students whose submission was taken out of SUBMISSIONS), so
    that the per-student files list the students grades.csv lists; the gradebook keeps their
    records, and the files come back from it when the submission does. Only these names are
    touched: whatever else is in DIR (files gdkit never wrote) stays."""
    for student in students:
        for path in (out / "results" / f"{student}.json", out / "students" / f"{student}.html",
                     out / "gradescope" / student / "results.json"):
            if path.is_file() and not path.is_symlink():
                path.unlink()
        try:
            (out / "gradescope" / student).rmdir()  # only if nothing else is in it
        except OSError:
            pass


def remove_leftovers(out: Path) -> None:
    """Temporary files of a run that was killed in the middle of a write."""
    for pattern in (f"{TEMP_PREFIX}*.tmp", f"*/{TEMP_PREFIX}*.tmp", f"gradescope/*/{TEMP_PREFIX}*.tmp"):
        for path in out.glob(pattern):
            path.unlink(missing_ok=True)
