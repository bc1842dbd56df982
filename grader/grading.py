"""The one function behind `grade exercise`: submission path in, Report out."""

from __future__ import annotations

from pathlib import Path

from .curriculum import Exercise
from .results import Report
from .sandbox.client import Limits, StudentSession
from .submission import prepared

DEFAULT_SEED = 2026


def grade_submission(path: Path, exercises: list[Exercise], seed: int = DEFAULT_SEED, lang: str = "en",
                     limits: Limits = Limits()) -> Report:
    """Copy the submission privately, grade it on `exercises`, return the record."""
    with prepared(path) as root:
        sessions = {ex.number: StudentSession(root, ex.module, limits) for ex in exercises}
        try:
            # The first worker boots while this process imports numpy and pytest.
            sessions[exercises[0].number].prestart()
            from .engine import grade_prepared

            return grade_prepared(sessions, exercises, seed, lang)
        finally:
            for session in sessions.values():
                session.close()
