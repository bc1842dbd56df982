"""Asking a submission's planned calls before the suites run (the batch's fast path).

`grade exercise` gives every exercise a fresh process of its own, so one exercise cannot
change another's results (a monkeypatched numpy, a stray thread). That costs a fork per
exercise, and the first touches of the zygote's memory in each: ~4 ms, more than most
exercises' own work. A batch therefore first asks all of a submission's planned calls in ONE
process, exercise after exercise, and keeps an exercise's answers from it only when that
cannot have made a difference:

- every answer of the exercise is the reference's (to 1e-9: plans.py recorded them), and
- the exercise printed nothing, no module printed anything on import, nothing printed in the
  background, and no call crashed or timed out before the exercise was done. Before each
  exercise the process puts back what decides what gets printed (worker.py: Pristine), so an
  exercise that prints nothing here prints nothing in a process of its own, unless its code (or
  an earlier module's) means it not to: a module can tell it is here, and print only when alone
  (tests/hostile/ex05_prints_only_alone.py; docs/security.md). Points never depend on output.

Every other exercise (a mistake, a stub, a print, a hostile neighbour's doing) asks again in a
fresh process of its own, exactly as `grade exercise` does, and that answer is the one graded.
The verdicts are always made by the suites afterwards; this only decides where answers come
from. One difference from `grade exercise` remains possible, on purpose: an exercise whose
answers are right only because another exercise's module changed the process (ex03's module
replacing ex14's update rule with a right one) keeps them here. Its author wrote the right
code, in another file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .plans import Plan
from .sandbox import protocol
from .sandbox.client import IMPORT, Sandbox, StudentError, StudentRaised, StudentSession, Undecoded, Worker

CLOSE = {"rtol": 1e-9, "atol": 1e-12}
SHARED_CALL_TIMEOUT = 2.0  # seconds


def prefetch_submission(sessions: dict[int, StudentSession], plans: dict[int, Plan], sandbox: Sandbox) -> None:
    """Give every session its planned answers (one shared process, then a process of its own
    for each exercise whose shared answers are not kept), and stop their processes."""
    present = {number: session for number, session in sessions.items() if not session.file_absent}
    kept = shared_answers(present, plans, sandbox)
    for number, session in sessions.items():  # (an absent file's session answers without a process)
        if number in kept:
            session.take_answers(kept[number].answers, kept[number].are_the_reference)
        else:
            session.prefetch([(planned.function, planned.request) for planned in plans[number]])
        session.close()


@dataclass
class Kept:
    """An exercise's answers from the shared process ((encoded request, answer), in order), and
    whether every one's text is the reference's answer's (then they stay Undecoded)."""

    answers: list[tuple[dict, Any]]
    are_the_reference: bool


def shared_answers(sessions: dict[int, StudentSession], plans: dict[int, Plan],
                   sandbox: Sandbox) -> dict[int, Kept]:
    """The answers of the exercises that may keep what one shared process answered."""
    roots = {session.root for session in sessions.values()}
    if len(roots) != 1 or not sessions:
        return {}
    # An exercise's planned calls take milliseconds together (the time limit is for each group:
    # an import, an exercise's calls); one that takes seconds here asks again on its own, with
    # the full time limit of each call (so a hang costs SHARED_CALL_TIMEOUT more, not a second
    # full limit).
    limits = replace(sandbox.limits, call_timeout=min(sandbox.limits.call_timeout, SHARED_CALL_TIMEOUT))
    try:
        worker = Worker(sandbox, limits, roots.pop())
    except StudentError:
        return {}
    try:
        return _kept(worker, sessions, plans)
    finally:
        worker.close()


def _kept(worker: Worker, sessions: dict[int, StudentSession], plans: dict[int, Plan]) -> dict[int, Kept]:
    """Ask every planned call in one `groups` message (per exercise: its import, then its
    calls) and keep the exercises whose answers may stand (see the module's docstring)."""
    kept: dict[int, Kept] = {}
    printed = 0
    try:
        worker.send_text(protocol.groups_message(
            [group for number, session in sessions.items() for group in _groups(session.module, plans[number])]))
        for number in sessions:
            imported = _imported(worker)
            if worker.output_size() > printed:
                return {}  # printed on import: in a process of its own, an importer would print it too
            exercise = _answers(worker, plans[number])
            size = worker.output_size()
            if imported and exercise is not None and size == printed:
                kept[number] = exercise
            printed = size
    except StudentError:
        pass  # a crash or a timeout: every exercise not fully answered asks again on its own
    if worker.output_size() > printed:
        return {}  # something printed in the background
    return kept


def _groups(module: str, plan: Plan) -> list[list[bytes]]:
    """An exercise's two groups of requests: its import, then its planned calls."""
    return [[protocol.dumps(dict(IMPORT, module=module))], [planned.text for planned in plan]]


def _imported(worker: Worker) -> bool:
    """Whether the next group's answer (an import) says the module was imported."""
    (reply,) = worker.replies_in(worker.next_group(), 1)
    try:
        worker.answer_in(reply)
    except StudentRaised:
        return False
    return True


def _answers(worker: Worker, plan: Plan) -> Kept | None:
    """The answers to an exercise's planned calls (the next group's answer), if they may be
    kept: Undecoded when their text is the reference's answers' (most are: nothing to decode or
    compare), else decoded and each compared (looks_like); None if one is not the reference's
    or raised."""
    body = worker.next_group()
    if all(planned.reply is not None for planned in plan) and \
            body == protocol.replies_message([planned.reply for planned in plan]):
        return Kept([(planned.request, Undecoded(planned.reply)) for planned in plan], are_the_reference=True)
    answers = []
    for planned, reply in zip(plan, worker.replies_in(body, len(plan))):
        try:
            answer = worker.answer_in(reply)
        except StudentRaised:
            return None
        if not looks_like(answer, planned.expected):
            return None
        answers.append((planned.request, answer))
    return Kept(answers, are_the_reference=False)


def looks_like(answer: Any, expected: Any) -> bool:
    """Whether a decoded answer is the reference's: same structure, numbers within CLOSE
    (NaN where NaN), strings, booleans and None equal. Numbers may come as an array or as
    (nested) lists where the reference gives the other: the suites accept both, and a
    correct solution written another way returns either. Anything that cannot be compared
    (an int too large for a float: 10**400) is not the reference's."""
    try:
        return _looks_like(answer, expected)
    except (OverflowError, TypeError, ValueError):
        return False


def _looks_like(answer: Any, expected: Any) -> bool:
    if type(expected) is np.ndarray or type(answer) is np.ndarray:
        return _same_numbers(answer, expected)
    if type(expected) in (list, tuple):
        if type(answer) is type(expected) and _plain_numbers(expected) and answer == expected:
            return True  # the same numbers, at once
        return type(answer) in (list, tuple) and len(answer) == len(expected) and all(
            _looks_like(a, e) for a, e in zip(answer, expected))
    if type(expected) is dict:
        return type(answer) is dict and answer.keys() == expected.keys() and all(
            _looks_like(answer[k], expected[k]) for k in expected)
    if type(expected) in (int, float) and type(answer) in (int, float):
        both_nan = math.isnan(expected) and math.isnan(answer)
        return both_nan or math.isclose(answer, expected, rel_tol=CLOSE["rtol"], abs_tol=CLOSE["atol"])
    return type(answer) is type(expected) and answer == expected


def _same_numbers(answer: Any, expected: Any) -> bool:
    """An array and an array, or an array and nested lists of numbers: same shape, numbers
    within CLOSE. Boolean arrays must be equal arrays."""
    if type(answer) is np.ndarray and type(expected) is np.ndarray:
        same_kind = answer.shape == expected.shape and answer.dtype == expected.dtype
        if same_kind and answer.tobytes() == expected.tobytes():
            return True
        if expected.dtype.kind == "b" or answer.dtype.kind == "b":
            return same_kind and bool(np.array_equal(answer, expected))
    if not (_numeric(answer) and _numeric(expected)):
        return False
    try:
        answer, expected = np.asarray(answer, dtype=float), np.asarray(expected, dtype=float)
    except ValueError:  # ragged lists
        return False
    return answer.shape == expected.shape and bool(np.allclose(answer, expected, equal_nan=True, **CLOSE))


def _numeric(value: Any) -> bool:
    """An int or float array, or nested lists of ints and floats (no booleans, no None)."""
    if type(value) is np.ndarray:
        return value.dtype.kind in "iuf"
    if type(value) in (list, tuple):
        return all(_numeric(item) if type(item) in (list, tuple) else type(item) in (int, float) for item in value)
    return False


def _plain_numbers(values: list | tuple) -> bool:
    return all(type(value) in (int, float) for value in values)
