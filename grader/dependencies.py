"""An exercise that calls another (ex06–ex08 call ex05's gradient, ex17 calls ex04's loop) can
fail only because that one is wrong. When the called one does not pass, the caller's failed
tests say so, and are named `depends_on` (the caller's own code may be right: a summed ex05
makes a correct ex08 look like ex08's "sum instead of mean"): the student fixes the right file
first. `grade exercise 6` grades ex05 too when ex06 fails (grading.py), for this note only."""

from __future__ import annotations

from dataclasses import replace

from . import curriculum
from .i18n import translate
from .results import ExerciseResult, Outcome, Report

ALREADY_NAMED = {"not_implemented", "missing_file"}  # these name the other exercise themselves


def note_dependencies(results: list[ExerciseResult], lang: str) -> list[ExerciseResult]:
    """`results` with the failed tests of an exercise whose called exercise failed noted."""
    failing = {result.exercise for result in results if result.score < result.max_score}
    noted = []
    for result in results:
        called = [n for n in curriculum.exercise(result.exercise).depends if n in failing]
        if not called or result.score == result.max_score:
            noted.append(result)
            continue
        note = translate("result.depends_on", lang, number=called[0])
        tests = tuple(
            test if test.outcome is Outcome.PASSED or test.diagnosis in ALREADY_NAMED or test.internal_error
            else replace(test, message=f"{test.message} {note}".strip(), diagnosis="depends_on")
            for test in result.tests)
        noted.append(replace(result, tests=tests))
    return noted


def called_but_not_graded(report: Report) -> list[curriculum.Exercise]:
    """The exercises that a failing exercise of `report` calls and that it does not hold."""
    graded = {result.exercise for result in report.exercises}
    called = {n for result in report.exercises if result.score < result.max_score
              for n in curriculum.exercise(result.exercise).depends}
    return [curriculum.exercise(n) for n in sorted(called - graded)]


def with_called(report: Report, called: Report, lang: str) -> Report:
    """`report`, whose exercises that call one it does not hold are noted with what grading
    those (`called`) gave."""
    graded = {result.exercise for result in report.exercises}

    def noted(result: ExerciseResult) -> ExerciseResult:
        if set(curriculum.exercise(result.exercise).depends) <= graded:
            return result  # noted already, in its own run
        return note_dependencies([result, *called.exercises], lang)[0]

    return replace(report, exercises=tuple(noted(result) for result in report.exercises))
