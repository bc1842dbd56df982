"""The one function behind `grade exercise`: submission path in, Report out."""

from __future__ import annotations

from pathlib import Path

from .curriculum import Exercise
from .results import Report
from .sandbox.client import Limits, Sandbox, StudentSession
from .submission import prepared

DEFAULT_SEED = 2026


def grade_submission(path: Path, exercises: list[Exercise], seed: int = DEFAULT_SEED, lang: str = "en",
                     limits: Limits = Limits(), record_into: dict | None = None) -> Report:
    """Copy the submission privately, grade it on `exercises`, return the record.

    `record_into` collects the expected answers for a release (see oracle.py)."""
    with prepared(path) as root:
        sandbox = Sandbox(root, limits)
        sessions = {ex.number: StudentSession(sandbox, ex.module) for ex in exercises}
        try:
            sandbox.start()  # the zygote imports numpy while this process imports numpy and pytest
            from .engine import grade_prepared

            return grade_prepared(sessions, exercises, seed, lang, record_into)
        finally:
            for session in sessions.values():
                session.close()
            sandbox.close()
