"""An exercise that calls another (ex06–ex08 call ex05's gradient, ex17 calls ex04's loop) can
fail only because that one is wrong. When both were graded together and the called one does not
pass, the caller's failed tests say so: the student fixes the right file first."""

from __future__ import annotations

from dataclasses import replace

from . import curriculum
from .i18n import translate
from .results import ExerciseResult, Outcome

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
            else replace(test, message=f"{test.message} {note}".strip(), diagnosis=test.diagnosis or "depends_on")
            for test in result.tests)
        noted.append(replace(result, tests=tests))
    return noted
