"""The functions behind `grade exercise` (one submission) and `grade batch` (many)."""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from . import curriculum
from .curriculum import Exercise
from .dependencies import called_but_not_graded, calls_in, with_called
from .i18n import translate
from .results import ExerciseResult, Report, TestResult
from .sandbox.client import Limits, Sandbox, StudentSession
from .submission import look_alikes, prepared

DEFAULT_SEED = 2026


def course_seed() -> int:
    """The seed of the hidden inputs when none is given: the course's, or, in a student edition
    released with another (`grade release --seed 7`), the one seed it recorded answers for."""
    from .oracle import recorded_seeds, reference_available

    if reference_available():
        return DEFAULT_SEED
    seeds = recorded_seeds()
    return seeds[0] if len(seeds) == 1 and DEFAULT_SEED not in seeds else DEFAULT_SEED


def grade_submission(path: Path, exercises: list[Exercise], seed: int = DEFAULT_SEED, lang: str = "en",
                     limits: Limits = Limits(), record_into: dict | None = None) -> Report:
    """Copy the submission privately, grade it on `exercises`, return the record.

    An exercise that fails and calls one not graded here (`grade exercise 6`, and ex06 calls
    ex05) has that one graded too, silently: if it fails, the caller's failures say so.
    `record_into` collects the expected answers for a release (see oracle.py)."""
    with prepared(path) as root:
        sandbox = Sandbox(root, limits)
        try:
            sandbox.start()  # the zygote imports numpy while this process imports numpy and pytest
            report = _grade_alone(sandbox, exercises, seed, lang, record_into, root)
            if record_into is not None:
                return report
            (report,) = _noting_called([report], [root], lang,
                                       lambda roots, called: [_grade_alone(sandbox, called, seed, lang, None, root)])
            report = replace(report, exercises=tuple(_near_names_noted(result, root, lang) for result in report.exercises))
            return _noting_look_alikes(report, path, lang)
        finally:
            sandbox.close()


def _near_names_noted(result: ExerciseResult, root: Path, lang: str) -> ExerciseResult:
    """`result`, each test that misses a function of the exercise told of the function the
    student's file defines under a close name (gradient_stpe, MSE_loss, mse_grad)."""
    if not any(test.diagnosis == "missing_function" for test in result.tests):
        return result
    exercise = curriculum.exercise(result.exercise)
    near = _near_names(root / "exercises" / f"{exercise.module}.py", exercise.functions)
    notes = {function: translate("result.defines_near", lang, defined=defined, function=function)
             for function, defined in near.items()}

    def noted(test: TestResult) -> TestResult:
        said = [note for function, note in notes.items() if re.search(rf"\b{function}\b", test.message)]
        if test.diagnosis != "missing_function" or not said:
            return test
        return replace(test, message=f"{test.message} {said[0]}")

    return replace(result, tests=tuple(noted(test) for test in result.tests))


def _near_names(path: Path, functions: tuple[str, ...]) -> dict[str, str]:
    """For each of `functions` that the file at `path` does not define at its top level, the
    one it defines under a close name (`gradient_stpe`, `MSE_loss`, `mse_grad`), if any. The
    file is parsed, never run; one that cannot be read or parsed has none."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    defined = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    others = {name.lower(): name for name in defined if name not in functions}
    near = {}
    for function in (f for f in functions if f not in defined):
        close = difflib.get_close_matches(function.lower(), list(others), n=1, cutoff=0.75)
        if close:
            near[function] = others[close[0]]
    return near


def _noting_look_alikes(report: Report, path: Path, lang: str) -> Report:
    """`report`, an exercise whose file is missing told of the file in the submission folder
    that looks like it (a notebook, another topic or number): the work is there, not in the stub."""
    return replace(report, exercises=tuple(_look_alike_noted(result, path, lang) for result in report.exercises))


def _look_alike_noted(result: ExerciseResult, path: Path, lang: str) -> ExerciseResult:
    if not any(test.diagnosis == "missing_file" for test in result.tests):
        return result
    file = curriculum.exercise(result.exercise).module + ".py"
    notebooks, files = look_alikes(Path(path), file[:-len(".py")])
    if not notebooks and not files:
        return result
    wording, found = ("notebook", notebooks[0]) if notebooks else ("named", ", ".join(files))
    message = translate("result.missing_file", lang, file=file) + " " + \
        translate(f"diagnosis.missing_file_{wording}", lang, file=file, found=found)
    return replace(result, tests=tuple(replace(test, message=message) if test.diagnosis == "missing_file" else test
                                       for test in result.tests))


def _grade_alone(sandbox: Sandbox, exercises: list[Exercise], seed: int, lang: str,
                 record_into: dict | None, root: Path | None = None) -> Report:
    """The submission staged in `sandbox` (prepared at `root`), graded on `exercises`, each in
    a process of its own."""
    from .engine import grade_prepared

    sessions = {ex.number: StudentSession(sandbox, ex.module) for ex in exercises}
    try:
        return grade_prepared([sessions], exercises, seed, lang, record_into, roots=[root])[0]
    finally:
        for session in sessions.values():
            session.close()


def grade_prepared_many(roots: list[Path], exercises: list[Exercise], seed: int, lang: str,
                        sandbox: Sandbox) -> list[Report]:
    """Grade several prepared submissions (folders holding `exercises/`) in one pytest session,
    their code running in `sandbox` one submission at a time; as grade_submission, an exercise
    that fails and calls one not graded here has that one graded too, for its note only.

    With the reference installed, the calls the suites make are known in advance (plans.py)
    and asked before the suites run, in as few processes and messages as is safe (prefetch.py)."""
    reports = _grade_session(roots, exercises, seed, lang, sandbox)
    return _noting_called(reports, roots, lang, lambda some, called: _grade_session(some, called, seed, lang, sandbox))


def _noting_called(reports: list[Report], roots: list[Path], lang: str,
                   grade: Callable[[list[Path], list[Exercise]], list[Report]]) -> list[Report]:
    """`reports` (of the submissions at `roots`), each exercise that fails and calls one not
    graded noted with what `grade(roots, exercises)` gives that one (dependencies.py)."""
    wanted: dict[tuple[int, ...], list[int]] = {}  # the exercises to grade too -> the submissions
    for index, report in enumerate(reports):
        called = called_but_not_graded(report, calls_in(roots[index]))
        if called:
            wanted.setdefault(tuple(ex.number for ex in called), []).append(index)
    for numbers, indices in wanted.items():
        called_reports = grade([roots[i] for i in indices], [curriculum.exercise(n) for n in numbers])
        for index, called in zip(indices, called_reports):
            reports[index] = with_called(reports[index], called, lang, calls_in(roots[index]))
    return reports


def _grade_session(roots: list[Path], exercises: list[Exercise], seed: int, lang: str,
                   sandbox: Sandbox) -> list[Report]:
    from .engine import grade_prepared
    from .plans import plans_for
    from .prefetch import prefetch_submission

    plans = plans_for(exercises, seed)
    submissions = []
    try:
        for root in roots:
            sessions = {ex.number: StudentSession(sandbox, ex.module, root=root) for ex in exercises}
            submissions.append(sessions)
            if plans is not None:
                prefetch_submission(sessions, plans, sandbox)  # their processes stop; a call off the plan restarts one
        return grade_prepared(submissions, exercises, seed, lang, roots=list(roots))
    finally:
        for sessions in submissions:
            for session in sessions.values():
                session.close()
