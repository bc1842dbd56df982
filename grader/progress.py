"""The student's last known status per exercise, kept in the user's data folder.

Written atomically (a temporary file, then os.replace); deleting it loses only history.
GRADE_DATA_DIR overrides the folder (tests, shared machines).
"""

from __future__ import annotations

import json
from pathlib import Path

from .results import Report
from .storage import atomic_write_json, data_dir


def state_path() -> Path:
    return data_dir() / "progress.json"


def load() -> dict[str, dict]:
    """{"3": {"score", "max_score", "passed", "best", "hints"}}; empty when nothing was saved or it is unreadable."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def hints_shown(number: int) -> int:
    """How many hints of exercise `number` the student has seen."""
    entry = load().get(str(number), {})
    return int(entry.get("hints", 0)) if isinstance(entry, dict) else 0


def set_hints_shown(number: int, count: int) -> OSError | None:
    """Keep how many hints of exercise `number` were seen; the error when it could not be kept."""
    state = load()
    state.setdefault(str(number), {})["hints"] = count
    return _save(state)


def _save(state: dict) -> OSError | None:
    try:
        atomic_write_json(state_path(), state)
    except OSError as error:
        return error
    return None


def record(report: Report) -> None:
    """Merge a report into the saved state (best score kept); never fails grading."""
    state = load()
    for exercise in report.exercises:
        previous = state.get(str(exercise.exercise), {})
        state[str(exercise.exercise)] = {
            **previous,
            "score": exercise.score,
            "max_score": exercise.max_score,
            "passed": exercise.passed,
            "best": max(exercise.score, float(previous.get("best", 0.0))),
        }
    _save(state)


def exercise_status(state: dict, number: int) -> dict | None:
    """{"score", "max_score", "passed", "best"} of a graded exercise, None when never graded."""
    entry = state.get(str(number))
    if not isinstance(entry, dict) or "score" not in entry:
        return None
    try:
        return {
            "score": float(entry["score"]),
            "max_score": float(entry.get("max_score", 0.0)),
            "passed": bool(entry.get("passed", False)),
            "best": float(entry.get("best", entry["score"])),
        }
    except (TypeError, ValueError):
        return None
