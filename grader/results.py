"""The result record: one frozen structure that every output is a view of.

`Report.to_dict()` is the JSON of `grade exercise --json`:
{"score", "max_score", "exercises": [{"exercise", "title", "score", "max_score",
  "tests": [{"name", "status", "score", "max_score", "message", "diagnosis"}]}]}
(plus, per test, "title" in the chosen language and, per exercise, "output": what the
student's code printed).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Outcome(str, enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class TestResult:
    """One hidden test: its stable name, outcome, points and what to tell the student."""

    __test__ = False  # not a pytest class

    name: str
    title: str
    outcome: Outcome
    score: float
    max_score: float
    message: str = ""
    diagnosis: str | None = None
    internal_error: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "status": self.outcome.value,
            "score": self.score,
            "max_score": self.max_score,
            "message": self.message,
            "diagnosis": self.diagnosis,
        }


@dataclass(frozen=True)
class ExerciseResult:
    """All tests of one exercise."""

    exercise: int
    title: str
    tests: tuple[TestResult, ...]
    output: str = ""
    # A notebook of the exercise beside its stub, which still raises (lookalikes.py): its name, so
    # that a view that leaves the tests' messages out can still say where the work is.
    notebook_beside: str | None = None

    @property
    def score(self) -> float:
        return round(sum(test.score for test in self.tests), 6)

    @property
    def max_score(self) -> float:
        return round(sum(test.max_score for test in self.tests), 6)

    @property
    def passed(self) -> bool:
        return all(test.outcome is Outcome.PASSED for test in self.tests)

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise,
            "title": self.title,
            "score": self.score,
            "max_score": self.max_score,
            "tests": [test.to_dict() for test in self.tests],
            "output": self.output,
            **({"notebook_beside": self.notebook_beside} if self.notebook_beside is not None else {}),
        }


@dataclass(frozen=True)
class Report:
    """The grading of one submission: every exercise asked for, in order."""

    exercises: tuple[ExerciseResult, ...]

    @property
    def score(self) -> float:
        return round(sum(ex.score for ex in self.exercises), 6)

    @property
    def max_score(self) -> float:
        return round(sum(ex.max_score for ex in self.exercises), 6)

    @property
    def passed(self) -> bool:
        return all(ex.passed for ex in self.exercises)

    @property
    def internal_error(self) -> bool:
        return any(test.internal_error for ex in self.exercises for test in ex.tests)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_score": self.max_score,
            "exercises": [ex.to_dict() for ex in self.exercises],
        }
