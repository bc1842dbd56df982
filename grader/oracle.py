"""Where expected answers come from: the live reference, or answers recorded at release time.

Every `check` in a suite has a key (the test's node id and the check's index in it). For a
key, an oracle gives the reference's answer and the answers of the known wrong variants (for
the diagnosis), all in canonical form (what a worker's answer looks like once decoded):
- `LiveOracle` evaluates the reference and the variants in-process (the instructor's kit);
- `RecordingOracle` does the same and keeps every answer (`grade release`);
- `ReplayOracle` reads them back (the student edition, which ships no reference source).
Recorded answers are JSON in protocol.py's encoding (gzip), never pickle.
"""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import json
from pathlib import Path
from typing import Any, Callable

from .curriculum import Exercise
from .errors import GraderError
from .implementations import LocalModule
from .sandbox import protocol

RECORDED_DIR = Path(__file__).parent / "recorded"
RAISED = {"$raised": True}  # a variant that raised on this input (it matches no answer)


def canonical(value: Any) -> Any:
    """A trusted in-process value in the form a worker's answer arrives in."""
    return protocol.decode(protocol.encode(value))


def recorded_path(seed: int) -> Path:
    return RECORDED_DIR / f"answers-seed{seed}.json.gz"


# Answers depend only on the seed and the check (its inputs come from a generator seeded by
# the seed and the test's name), so a process grading many submissions computes each once.
_LIVE_ANSWERS: dict[tuple[int, str, str], Any] = {}
_LIVE_CACHE_LIMIT = 200_000


def _remembered(seed: int | None, kind: str, key: str, compute: Callable[[], Any]) -> Any:
    if seed is None:
        return compute()
    slot = (seed, kind, key)
    if slot not in _LIVE_ANSWERS:
        if len(_LIVE_ANSWERS) > _LIVE_CACHE_LIMIT:
            _LIVE_ANSWERS.clear()
        _LIVE_ANSWERS[slot] = compute()
    return _LIVE_ANSWERS[slot]


class LiveOracle:
    """The reference and the wrong variants of one exercise, evaluated on demand (and
    remembered per seed when `seed` is given)."""

    def __init__(self, exercise: Exercise, seed: int | None = None):
        self.exercise, self.seed = exercise, seed
        self._reference = LocalModule.from_module(importlib.import_module(f"reference.{exercise.module}"))

    def expected(self, key: str, expression: Callable[[Any], Any]) -> Any:
        return _remembered(self.seed, "expected", key, lambda: canonical(expression(self._reference)))

    def variants(self, key: str, expression: Callable[[Any], Any]) -> dict[str, Any]:
        return _remembered(self.seed, "variants", key, lambda: self._evaluate_variants(expression))

    def _evaluate_variants(self, expression: Callable[[Any], Any]) -> dict[str, Any]:
        from .diagnosis import wrong_variants

        answers = {}
        for variant_id, implementation in wrong_variants(self.exercise.number, self.exercise.module).items():
            try:
                answers[variant_id] = canonical(expression(implementation))
            except (ArithmeticError, ValueError, TypeError, IndexError, KeyError):
                answers[variant_id] = RAISED
        return answers


class RecordingOracle(LiveOracle):
    """A live oracle that keeps every answer it gives, variants included, in `store`."""

    def __init__(self, exercise: Exercise, store: dict[str, Any]):
        super().__init__(exercise)
        self.store = store

    def expected(self, key: str, expression: Callable[[Any], Any]) -> Any:
        answer = canonical(expression(self._reference))
        self.store[key] = {"expected": protocol.encode(answer), "variants": {
            variant_id: protocol.encode(value) if value is not RAISED else RAISED
            for variant_id, value in self._evaluate_variants(expression).items()}}
        return answer


class ReplayOracle:
    """Answers recorded by `grade release` for one seed."""

    def __init__(self, store: dict[str, Any]):
        self.store = store

    def _entry(self, key: str) -> dict:
        if key not in self.store:
            raise GraderError("error.recording_incomplete", key=key)
        return self.store[key]

    def expected(self, key: str, expression: Callable[[Any], Any]) -> Any:
        return protocol.decode(self._entry(key)["expected"])

    def variants(self, key: str, expression: Callable[[Any], Any]) -> dict[str, Any]:
        return {variant_id: RAISED if value == RAISED else protocol.decode(value)  # noqa: E721
                for variant_id, value in self._entry(key)["variants"].items()}


KIT_ROOT = Path(__file__).resolve().parent.parent


def reference_available() -> bool:
    """Whether this kit holds the reference: a `reference` package beside this `grader` (the
    instructor's kit). One importable from elsewhere (another checkout's editable install, a
    folder of that name where the student works) is not this kit's: a student edition then
    still replays its recorded answers, never that package's."""
    spec = importlib.util.find_spec("reference")
    locations = (spec.submodule_search_locations or []) if spec is not None else []
    return any(Path(location).resolve() == KIT_ROOT / "reference" for location in locations)


def recorded_seeds() -> list[int]:
    """The seeds this edition has recorded answers for (none in the instructor's kit)."""
    names = (p.name[len("answers-seed"):-len(".json.gz")] for p in RECORDED_DIR.glob("answers-seed*.json.gz"))
    return sorted(int(name) for name in names if name.isdigit())


def load_recorded(seed: int) -> dict[str, Any]:
    """The answers recorded for `seed`; a clear error when this edition has none for it."""
    path = recorded_path(seed)
    if not path.is_file():
        seeds = ", ".join(str(s) for s in recorded_seeds()) or "—"
        raise GraderError("error.no_recorded_seed", seed=seed, seeds=seeds)
    return read_recording(path)


def save_recorded(store: dict[str, Any], seed: int, folder: Path = RECORDED_DIR) -> Path:
    """Write recorded answers."""
    return write_recording(folder / recorded_path(seed).name, store)


def write_recording(path: Path, data: Any) -> Path:
    """Recorded data as gzip'd JSON (sorted keys, no timestamp: the same data give the same
    bytes), never pickle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as stream:
        stream.write(json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8"))
    return path


def read_recording(path: Path) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def oracles_for(exercises: list[Exercise], seed: int, record_into: dict[str, Any] | None = None) -> dict[int, Any]:
    """One oracle per exercise: recording when asked, live when the reference is installed,
    else replaying the answers recorded for `seed` (the student edition)."""
    if record_into is not None:
        return {ex.number: RecordingOracle(ex, record_into) for ex in exercises}
    if reference_available():
        return {ex.number: LiveOracle(ex, seed) for ex in exercises}
    replay = ReplayOracle(load_recorded(seed))
    return {ex.number: replay for ex in exercises}
