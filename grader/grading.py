"""The functions behind `grade exercise` (one submission) and `grade batch` (many)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import curriculum
from .curriculum import Exercise
from .dependencies import called_but_not_graded, calls_in, with_called
from .lookalikes import noting_look_alikes
from .results import Report
from .sandbox.client import Limits, Sandbox, StudentSession
from .submission import prepared

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
            return noting_look_alikes(report, path, lang)
        finally:
            sandbox.close()


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
