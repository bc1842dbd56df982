"""The calls the hidden suites make into student code, known in advance.

A suite's inputs depend only on the seed and the test (never on the student's answers), so
running the suites once with the reference in the student's place writes down every request
each exercise will make, in order. A batch sends these to each submission's worker in one
message (StudentSession.prefetch) instead of one round trip per call; a suite that asks
something off the plan still gets a live answer.
"""

from __future__ import annotations

import importlib
from typing import Any

from .curriculum import Exercise
from .implementations import LocalModule
from .oracle import canonical, reference_available
from .sandbox import protocol
from .sandbox.client import request_message

Plan = list[tuple[str, dict]]  # (function, encoded request), in the order the suite asks
_PLANS: dict[tuple[int, int], Plan] = {}


class PlanningSession:
    """Stands in for a StudentSession: answers with the reference, in-process, and writes
    down every request (as the worker would receive it)."""

    def __init__(self, module: str):
        self._reference = LocalModule.from_module(importlib.import_module(f"reference.{module}"))
        self.plan: Plan = []

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        self._note(function, request_message("call", function, args, kwargs))
        return canonical(getattr(self._reference, function)(*args, **kwargs))

    def iterate(self, function: str, *args: Any, **kwargs: Any) -> Any:
        self._note(function, request_message("iterate", function, args, kwargs))
        return canonical(self._reference.iterate(function, *args, **kwargs))

    def _note(self, function: str, message: dict) -> None:
        self.plan.append((function, protocol.encode_request(message)))

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
        grade_prepared([sessions], missing, seed, "en")
        _PLANS.update({(seed, number): session.plan for number, session in sessions.items()})
    return {ex.number: _PLANS[(seed, ex.number)] for ex in exercises}
