"""Naming the mistake: the student's answer against the answers of known wrong variants.

The failing check's answers of every wrong variant of the exercise (grader/variants/exNN.py,
evaluated live or recorded at release, see oracle.py) are compared with the student's; the
one that gives it names the mistake, one that gives it to the last digits before one that
only falls within the check's tolerance; where two mistakes give it alike, that check names
neither (its input cannot tell them apart: another check does). When none does, generic shapes of error are tried (a
flipped sign, a constant factor, a divergence, a loop that never updates, float32 numbers).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np

from .checks import Mismatch
from .compare import Array, BadValue, IndexGroups, Text, Tolerance, Tuple
from .implementations import LocalModule
from .oracle import RAISED


@dataclass(frozen=True)
class Diagnosis:
    """A recognised mistake: its id (snake_case) and the numbers its message shows."""

    id: str
    params: dict = field(default_factory=dict)


@lru_cache(maxsize=None)
def wrong_variants(exercise: int, reference_module: str) -> dict[str, LocalModule]:
    """The known wrong variants of an exercise, each as a full implementation."""
    try:
        variants = importlib.import_module(f"grader.variants.ex{exercise:02d}").VARIANTS
    except ModuleNotFoundError:
        return {}
    reference = importlib.import_module(f"reference.{reference_module}")
    return {
        variant_id: LocalModule.from_module(reference, overrides, name=variant_id)
        for variant_id, overrides in variants.items()
    }


# A variant giving the student's answer this much more closely than the check's tolerance is
# preferred to one that merely falls within it (two mistakes can agree on one input: no ε and
# ε outside the root, where ε is tiny beside the step).
CLOSER = 1e-3


def _matches(failure: Mismatch, answer: Any, tolerance: Tolerance) -> bool:
    if answer is RAISED:
        return False
    try:
        answer = failure.spec.normalize(answer, "variant")
    except BadValue:
        return False
    return failure.spec.difference(failure.got, answer, tolerance) is None


def _single_precision(failure: Mismatch) -> bool:
    """Every number of the answer is a float32, and they agree with the expected float64 ones
    to float32's precision, not to the check's: the student computed in np.float32."""
    try:
        got, expected = np.asarray(failure.got, dtype=float), np.asarray(failure.expected, dtype=float)
    except (TypeError, ValueError):
        return False
    if got.shape != expected.shape or got.size == 0 or not (np.all(np.isfinite(got)) and np.all(np.isfinite(expected))):
        return False
    scale = max(1.0, float(np.max(np.abs(expected))))
    return _is_single(got) and not _is_single(expected) and bool(np.allclose(got, expected, rtol=1e-4, atol=1e-6 * scale))


def _is_single(values: np.ndarray) -> bool:
    """Whether every number is exactly a float32 (one too large for it is not)."""
    with np.errstate(over="ignore"):
        return bool(np.array_equal(values.astype(np.float32).astype(float), values))


def _not_a_label(failure: Mismatch) -> Diagnosis | None:
    """A text answer that is none of the labels there are ('Diverging', 'расходится')."""
    parts = [(failure.spec, failure.got)]
    if isinstance(failure.spec, Tuple):
        parts = list(zip(failure.spec.parts, failure.got))
    for spec, got in parts:
        if isinstance(spec, Text) and spec.choices and got not in spec.choices:
            return Diagnosis("not_a_label", {"labels": ", ".join(spec.choices)})
    return None


def _generic(failure: Mismatch) -> Diagnosis | None:
    if _single_precision(failure):
        return Diagnosis("single_precision")
    label = _not_a_label(failure)
    if label is not None:
        return label
    if isinstance(failure.spec, Tuple):
        return _tuple_mistake(failure)
    if isinstance(failure.spec, IndexGroups):
        return _another_permutation(failure)
    if not isinstance(failure.spec, Array):
        return None
    got, expected = failure.got, failure.expected
    if got.shape != expected.shape:  # compare.py told the number of rows apart from another shape
        rows = failure.difference
        if rows.aspect != "rows":
            return None
        # One iterate too many or too few; else a loop that runs another number of times.
        return Diagnosis("off_by_one") if abs(rows.got - rows.expected) == 1 else Diagnosis("wrong_shape", {"wording": "count"})
    if np.all(np.isfinite(expected)) and not np.all(np.isfinite(got)):
        return Diagnosis("diverged")
    if got.ndim == 2 and len(got) > 1 and np.all(got == got[0]) and not np.all(expected == expected[0]):
        # Every row the start: never updated. Every row one other point: one array appended
        # again and again, and changed in place (x -= …), so all rows show its last value.
        return Diagnosis("no_update" if np.array_equal(got[0], expected[0]) else "appended_same_array")
    if not np.all(np.isfinite(got)) or not np.any(expected):
        return None
    if failure.spec.difference(got, -expected, failure.tolerance) is None:
        return Diagnosis("sign_flipped")
    factor = float(np.dot(got.ravel(), expected.ravel()) / np.dot(expected.ravel(), expected.ravel()))
    if got.size > 1 and abs(factor - 1) > 1e-6 and failure.spec.difference(got, factor * expected, failure.tolerance) is None:
        return Diagnosis("constant_factor", {"factor": f"{factor:.6g}"})
    return None


def _another_permutation(failure: Mismatch) -> Diagnosis | None:
    """Mini-batches of the right sizes holding every index once, in another order than the
    given rng's permutation: drawn from another generator (np.random.permutation, a
    default_rng of the student's own)."""
    got, expected = failure.got, failure.expected
    if [len(batch) for batch in got] != [len(batch) for batch in expected]:
        return None
    if sorted(i for batch in got for i in batch) != sorted(i for batch in expected for i in batch):
        return None
    return Diagnosis("another_permutation")


def _tuple_mistake(failure: Mismatch) -> Diagnosis | None:
    """Parts returned in another order ((h_new, w_new) for (w_new, h_new)), or every part
    with its sign flipped ((+dL/dw, +dL/db))."""
    spec, got, expected = failure.spec, failure.got, failure.expected
    same = lambda part, a, b: part.difference(a, b, failure.tolerance) is None  # noqa: E731
    if spec.other_order(got, lambda k, item: np.shape(item) == np.shape(expected[k]) and
                        same(spec.parts[k], item, expected[k])) is not None:
        return Diagnosis("wrong_order", {"order": ", ".join(spec.names)})
    if all(isinstance(part, Array) for part in spec.parts) and all(
            np.any(b) and np.shape(a) == np.shape(b) and same(part, a, -np.asarray(b)) for part, a, b in zip(spec.parts, got, expected)):
        return Diagnosis("sign_flipped")
    return None


def diagnose(failure: Mismatch) -> Diagnosis | None:
    """The known wrong variant that gives the student's answer, else a generic shape: the
    one that gives it within CLOSER times the check's tolerance, else one within it; none where two
    mistakes give it alike at the closest level that has any (the input cannot tell them apart).

    One mistake written in two ways has two variants, "id" and "id/another_form": both name it."""
    answers, loose = failure.variant_answers(), failure.tolerance
    for tolerance in (replace(loose, rtol=loose.rtol * CLOSER, atol=loose.atol * CLOSER), loose):
        named = {variant_id.partition("/")[0] for variant_id, answer in answers.items()
                 if _matches(failure, answer, tolerance)}
        if len(named) == 1:
            return Diagnosis(named.pop())
        if named:  # two mistakes give this answer alike (|r| and √(r²) on one point): this input
            break  # cannot tell which; the exercise's other tests do, and name it
    return wrong_default(failure.wrong_defaults()) or _seed_not_used(failure) or _generic(failure)


def _seed_not_used(failure: Mismatch) -> Diagnosis | None:
    """Asked once more with the same arguments (the same seed or a generator built from it),
    the student's function gives another answer: it draws from a generator of its own
    (np.random.default_rng() without the seed), not from the one the seed makes."""
    if failure.answer_again is None:
        return None
    again = failure.answer_again()
    if again is None or failure.spec.difference(failure.got, again, failure.tolerance) is None:
        return None
    return Diagnosis("seed_not_used")


def wrong_default(found: tuple) -> Diagnosis | None:
    """The check left arguments to defaults the student set otherwise ((name, theirs, the
    statement's), see defaults.py): named with both values."""
    if not found:
        return None
    return Diagnosis("wrong_default", {"theirs": ", ".join(f"{name}={value!r}" for name, value, _ in found),
                                       "statement": ", ".join(f"{name}={value!r}" for name, _, value in found)})
