"""The calls the hidden suites make into student code, known in advance.

A suite's inputs depend only on the seed and the test (never on the student's answers), so
running the suites once with the reference in the student's place writes down every request
each exercise will make, in order. A batch sends these to each submission's worker in one
message (StudentSession.prefetch) instead of one round trip per call; a suite that asks
something off the plan still gets a live answer.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from .curriculum import Exercise
from .implementations import LocalModule
from .oracle import RAISED, canonical, reference_available
from .sandbox import protocol
from .sandbox.client import request_message


@dataclass
class PlannedCall:
    """One call the suites will make: the function, the request (encoded, as a session asks
    it) and its JSON text as the worker receives it (with the module: made once, not once per
    submission), and the reference's answer (canonical; RAISED if the reference raised)."""

    function: str
    request: dict
    text: bytes
    expected: Any = field(default_factory=lambda: RAISED)
    # The text of a worker's reply answering as the reference, in a `groups` message
    # (protocol.reply_text), None if the reference raised.
    reply: bytes | None = None


Plan = list[PlannedCall]  # in the order the suite asks
_PLANS: dict[tuple[int, int], Plan] = {}


class PlanningSession:
    """Stands in for a StudentSession: answers with the reference, in-process, and writes
    down every request (as the worker would receive it) with the answer."""

    def __init__(self, module: str):
        self.module = module
        self._reference = LocalModule.from_module(importlib.import_module(f"reference.{module}"))
        self.plan: Plan = []
        self.answers_are_the_reference = False  # (the engine's question to a StudentSession)

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._answer(function, request_message("call", function, args, kwargs),
                            lambda: getattr(self._reference, function)(*args, **kwargs))

    def iterate(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._answer(function, request_message("iterate", function, args, kwargs),
                            lambda: self._reference.iterate(function, *args, **kwargs))

    def inputs_after(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._answer(function, request_message("inputs", function, args, kwargs),
                            lambda: self._reference.inputs_after(function, *args, **kwargs))

    def _answer(self, function: str, message: dict, compute: Callable[[], Any]) -> Any:
        request = protocol.encode_request(message)
        planned = PlannedCall(function, request, protocol.dumps(dict(request, module=self.module)))
        self.plan.append(planned)
        planned.expected = canonical(compute())
        if planned.expected is not RAISED:
            planned.reply = protocol.reply_text(protocol.encoded_text(planned.expected))
        return planned.expected

    def output(self) -> str:
        return ""

    def close(self) -> None:
        pass


def plans_for(exercises: list[Exercise], seed: int) -> dict[int, Plan] | None:
    """Each exercise's plan for `seed` (made once per process), or None without the reference."""
    if not reference_available():
        return None
    missing = [ex for ex in exercises if (seed, ex.number) not in _PLANS]
    if missing:
        from .engine import grade_prepared

        sessions = {ex.number: PlanningSession(ex.module) for ex in missing}
        (reference,) = grade_prepared([sessions], missing, seed, "en")
        if reference.score != reference.max_score:  # the grader's own fault: ask every call live
            return None
        _PLANS.update({(seed, number): session.plan for number, session in sessions.items()})
    return {ex.number: _PLANS[(seed, ex.number)] for ex in exercises}
