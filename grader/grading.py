"""The one function behind `grade exercise`: submission path in, Report out."""

from __future__ import annotations

from pathlib import Path

from .curriculum import Exercise
from .engine import DEFAULT_SEED, grade_prepared
from .results import Report
from .sandbox.client import Limits
from .submission import prepared


def grade_submission(path: Path, exercises: list[Exercise], seed: int = DEFAULT_SEED, lang: str = "en",
                     limits: Limits = Limits()) -> Report:
    """Copy the submission privately, grade it on `exercises`, return the record."""
    with prepared(path) as root:
        return grade_prepared(root, exercises, seed, lang, limits)
