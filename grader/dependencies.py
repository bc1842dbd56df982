"""An exercise that calls another (ex06–ex08 call ex05's gradient, ex17 calls ex04's loop) can
fail only because that one is wrong. When the called one does not pass, the caller's failed
tests say so, and are named `depends_on` (the caller's own code may be right: a summed ex05
makes a correct ex08 look like ex08's "sum instead of mean"): the student fixes the right file
first. `grade exercise 6` grades ex05 too when ex06 fails (grading.py), for this note only."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import replace
from pathlib import Path
from typing import Callable

from . import curriculum
from .i18n import translate
from .results import ExerciseResult, Outcome, Report

# These name the other exercise themselves; an import of it that fails (its file missing, a
# name it does not have) is no failure of its code either.
ALREADY_NAMED = {"not_implemented", "missing_file", "sibling_import", "sibling_missing"}

Calls = Callable[[int, int], bool]  # (exercise, exercise it may call) -> whether the student's code calls it


def every_call(number: int, called: int) -> bool:
    return True


def calls_in(root: Path | None) -> Calls:
    """Whether, in the submission prepared at `root`, an exercise's code (not a comment or a
    string: code_names) names the module of the one it may call (ex07 is written with or
    without ex05's mse_loss): the note "this exercise calls your exercise 5" is for code that
    does. Not known (no root, no file): yes."""
    if root is None:
        return every_call

    sources: dict[int, str | None] = {}
    names: dict[int, set[str]] = {}

    def calls(number: int, called: int) -> bool:
        if number not in sources:
            try:
                sources[number] = (root / "exercises" / f"{curriculum.exercise(number).module}.py").read_text(
                    encoding="utf-8", errors="replace")
            except OSError:
                sources[number] = None
        source = sources[number]
        if source is None:
            return True
        if re.search(rf"\bex0?{called}(?!\d)", source) is None:  # (quick: most files never say it)
            return False
        if number not in names:
            names[number] = code_names(source)
        return any(re.fullmatch(rf"ex0?{called}(?:_\w*)?", name) for name in names[number])

    return calls


def code_names(source: str) -> set[str]:
    """The names Python code holds (`ex05_linear_regression` of its import), not its comments'
    or strings': the kit's ex06 and ex08 stubs name ex05's module in their docstrings. Up to a
    tokenizing error, the code before it."""
    found: set[str] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME:
                found.add(token.string)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def note_dependencies(results: list[ExerciseResult], lang: str, calls: Calls = every_call) -> list[ExerciseResult]:
    """`results` with the failed tests of an exercise whose called exercise failed noted."""
    failing = {result.exercise for result in results if result.score < result.max_score}
    noted = []
    for result in results:
        called = [n for n in curriculum.exercise(result.exercise).depends if n in failing and calls(result.exercise, n)]
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


def called_but_not_graded(report: Report, calls: Calls = every_call) -> list[curriculum.Exercise]:
    """The exercises that a failing exercise of `report` calls and that it does not hold."""
    graded = {result.exercise for result in report.exercises}
    called = {n for result in report.exercises if result.score < result.max_score
              for n in curriculum.exercise(result.exercise).depends if calls(result.exercise, n)}
    return [curriculum.exercise(n) for n in sorted(called - graded)]


def with_called(report: Report, called: Report, lang: str, calls: Calls = every_call) -> Report:
    """`report`, whose exercises that call one it does not hold are noted with what grading
    those (`called`) gave."""
    graded = {result.exercise for result in report.exercises}

    def noted(result: ExerciseResult) -> ExerciseResult:
        if set(curriculum.exercise(result.exercise).depends) <= graded:
            return result  # noted already, in its own run
        return note_dependencies([result, *called.exercises], lang, calls)[0]

    return replace(report, exercises=tuple(noted(result) for result in report.exercises))
