"""What an answer must look like, and when two answers agree.

A `Spec` turns a decoded value into a canonical form (or raises `BadValue` naming what is
wrong with it) and compares two canonical values with a tolerance: values, never types.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .sandbox.protocol import Rejected


@dataclass(frozen=True)
class Tolerance:
    """|got − expected| ≤ atol + rtol · |expected|, elementwise."""

    rtol: float = 1e-9
    atol: float = 1e-12


class BadValue(Exception):
    """A returned value that is not an answer of the right kind (message id + parameters)."""

    def __init__(self, message_id: str, diagnosis: str, **params: Any):
        super().__init__(message_id)
        self.message_id, self.diagnosis, self.params = message_id, diagnosis, params
        self.call: Any = None  # the call that returned it (checks.py), shown before the message
        self.wrong_defaults: Callable[[], tuple] = tuple  # the defaults it relied on, set otherwise (checks.py)


@dataclass(frozen=True)
class Difference:
    """Where two answers disagree most: a position, the value found and the value expected;
    `aspect` says when these are not values but the "shape", the number of "rows" (iterates) or
    the "count" (of mini-batches)."""

    where: str
    got: Any
    expected: Any
    aspect: str = ""


def show(value: Any) -> str:
    """A short, readable rendering of a value for a message."""
    if isinstance(value, np.ndarray):  # on one line: a message is read in a terminal, a CSV, a web page
        text = np.array2string(value, precision=6, threshold=8, edgeitems=3, separator=", ", max_line_width=10**6)
        return re.sub(r"\s*\n\s*", " ", text)
    if isinstance(value, float):
        return f"{value:.8g}"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(show(v) for v in value) + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show(v)}" for k, v in value.items()) + "}"
    return repr(value)


def show_apart(expected: Any, got: Any) -> tuple[str, str]:
    """Both values shown, numbers with as many significant digits (8 to 17) as it takes to
    tell them apart: 0.11605196 and 0.11605196 do not explain a failed check, 0.116051962
    and 0.116051958 do."""
    if not all(isinstance(v, (float, np.floating)) and math.isfinite(v) for v in (expected, got)) or expected == got:
        return show(expected), show(got)
    for digits in range(8, 18):
        texts = f"{float(expected):.{digits}g}", f"{float(got):.{digits}g}"
        if texts[0] != texts[1]:
            return texts
    return repr(float(expected)), repr(float(got))


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


def _numeric_array(value: Any, where: str) -> np.ndarray:
    """A float array from an exact ndarray or (nested) lists of plain numbers; an int too
    large for a float (10**400) is refused as such."""
    try:
        return _float_array(value, where)
    except OverflowError:
        raise BadValue("value.too_large", "not_plain_data", where=where) from None


def _float_array(value: Any, where: str) -> np.ndarray:
    if value is None:
        raise BadValue("value.none", "returned_none", where=where)
    if isinstance(value, Rejected):
        raise BadValue("value.rejected", "not_plain_data", where=where, kind=value.description)
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "b":
            raise BadValue("value.not_numbers", "not_plain_data", where=where)
        return value.astype(float)
    if _is_number(value):
        return np.asarray(float(value))
    if isinstance(value, list):
        if all(type(item) in (int, float) for item in value):  # the common case, at once
            return np.array(value, dtype=float)
        parts = [_float_array(item, f"{where}[{i}]") for i, item in enumerate(value)]
        if len({part.shape for part in parts}) > 1:
            raise BadValue("value.ragged", "wrong_shape", where=where)
        return np.array(parts, dtype=float) if parts else np.zeros(0)
    raise BadValue("value.not_numbers", "not_plain_data", where=where)


def _array_difference(got: np.ndarray, expected: np.ndarray, tol: Tolerance) -> Difference | None:
    if got.shape != expected.shape and got.ndim == expected.ndim and got.shape[1:] == expected.shape[1:]:
        return Difference("", got.shape[0], expected.shape[0], "rows")  # e.g. one iterate too many
    if got.shape != expected.shape:
        return Difference("", got.shape, expected.shape, "shape")
    if got.dtype == expected.dtype and got.tobytes() == expected.tobytes():
        return None  # the same numbers, bit for bit (most answers of a right solution)
    same_nonfinite = (np.isnan(got) & np.isnan(expected)) | (np.isinf(got) & (got == expected))
    with np.errstate(all="ignore"):
        error = np.where(same_nonfinite, 0.0, np.abs(got - expected) - tol.rtol * np.abs(expected))
    error = np.where(np.isnan(error), np.inf, error)
    if error.size == 0 or np.max(error) <= tol.atol:
        return None
    index = np.unravel_index(int(np.argmax(error)), error.shape)
    where = "[" + ", ".join(str(i) for i in index) + "]" if index else ""
    return Difference(where, got[index], expected[index])


def _length_mistake(array: np.ndarray, expected_length: int) -> str:
    """Which mistake a wrong length shows: one entry too many or too few; k identical copies of
    a vector, a Python list multiplied by the integer k (2 * [a, b] is [a, b, a, b], where
    2 * np.asarray(v) doubles); or another."""
    if array.ndim == 1 and 1 < expected_length < len(array) and len(array) % expected_length == 0:
        copies = array.reshape(-1, expected_length)
        if np.all(copies == copies[0]) and len(set(copies[0].tolist())) > 1:
            return "list_repeated"
    return "off_by_one" if abs(len(array) - expected_length) == 1 else "wrong_shape"


class Spec:
    """The shape of an answer."""

    def normalize(self, value: Any, where: str = "result") -> Any:
        raise NotImplementedError

    def difference(self, got: Any, expected: Any, tol: Tolerance) -> Difference | None:
        raise NotImplementedError


@dataclass(frozen=True)
class Array(Spec):
    """A float array; `shape` entries of None match any length (e.g. iterates of a trajectory)."""

    shape: tuple[int | None, ...]

    def normalize(self, value: Any, where: str = "result") -> np.ndarray:
        array = _numeric_array(value, where)
        fits = array.ndim == len(self.shape) and all(
            want is None or want == have for want, have in zip(self.shape, array.shape)
        )
        if not fits and array.ndim == len(self.shape) and self._fits((self.shape[0], *array.shape[1:])):
            # only the length differs: a list of another length, one row (iterate) too many
            mistake = _length_mistake(array, self.shape[0])
            message = "value.wrong_length" if array.ndim == 1 else "value.wrong_rows"
            raise BadValue(message, mistake, where=where, got=len(array), expected=self.shape[0])
        if not fits:
            wanted = "(" + ", ".join("k" if n is None else str(n) for n in self.shape) + ("," if len(self.shape) == 1 else "") + ")"
            raise BadValue("value.wrong_shape", self._shape_mistake(array), where=where, got=array.shape, expected=wanted,
                           one_row=self._one_row(array))
        return array

    def _one_row(self, array: np.ndarray) -> bool:
        """Whether `array` is one row of the rows asked for (a trajectory's last point alone)."""
        return len(self.shape) == 2 and array.ndim == 1 and self._fits((self.shape[0] or 1, *array.shape))

    def _fits(self, shape: tuple[int, ...]) -> bool:
        return len(shape) == len(self.shape) and all(w is None or w == h for w, h in zip(self.shape, shape))

    def _shape_mistake(self, array: np.ndarray) -> str:
        """Which shape mistake: the transpose, an extra axis of length 1, or another."""
        if array.ndim == 2 and self._fits(array.T.shape) and not self._fits(array.shape):
            return "transposed"
        fewer_axes = [array.shape[:i] + array.shape[i + 1:] for i, n in enumerate(array.shape) if n == 1]
        if any(self._fits(shape) for shape in [*fewer_axes, array.squeeze().shape] if shape != array.shape):
            return "extra_dimension"  # (n, 1) for (n,), and (1, 1) for (1,)
        return "wrong_shape"

    def difference(self, got: np.ndarray, expected: np.ndarray, tol: Tolerance) -> Difference | None:
        return _array_difference(got, expected, tol)


def Vector(size: int) -> Array:  # noqa: N802 - reads like a type in the suites
    return Array((size,))


def Scalar() -> Array:  # noqa: N802
    return Array(())


def parts_counted(value: Any) -> tuple[str, dict]:
    """The message id and its count for an answer that is not the expected number of parts:
    a tuple or list of another length says how many it has, anything else is one value."""
    if isinstance(value, (list, tuple)):
        return "value.wrong_count_parts", {"count": len(value)}
    return "value.wrong_count", {}


@dataclass(frozen=True)
class Tuple(Spec):
    """A fixed number of parts, each with its own spec (returned as a tuple or a list)."""

    parts: tuple[Spec, ...]
    names: tuple[str, ...] = ()

    def _name(self, i: int) -> str:
        return self.names[i] if i < len(self.names) else f"[{i}]"

    def _rows_are_parts(self, array: np.ndarray) -> bool:
        """Whether an array's rows can be the parts: rows of a 2-d array, or the numbers of a
        1-d one when every part is a number (a lone vector is not mistaken for the parts)."""
        return array.ndim >= 2 or (array.ndim == 1 and all(isinstance(part, Array) and part.shape == () for part in self.parts))

    def normalize(self, value: Any, where: str = "result") -> tuple:
        if value is None:
            raise BadValue("value.none", "returned_none", where=where)
        if type(value) is np.ndarray and self._rows_are_parts(value):  # (dw, db) as one array
            value = list(value) if value.ndim >= 2 else value.tolist()
        if not isinstance(value, list) or len(value) != len(self.parts):
            message_id, counted = parts_counted(value)
            raise BadValue(message_id, "wrong_shape", where=where, expected=len(self.parts), **counted)
        try:
            return tuple(spec.normalize(item, self._part_where(where, i)) for i, (spec, item) in enumerate(zip(self.parts, value)))
        except BadValue:
            if self.other_order(value, lambda k, item: self.parts[k].normalize(item) is not None) is not None:
                raise BadValue("value.wrong_order", "wrong_order", where=where, order=", ".join(self.names)) from None
            raise

    def other_order(self, parts: Sequence, fits: Callable[[int, Any], bool]) -> tuple[int, ...] | None:
        """An order other than the given one in which every part `fits(k, item)` the k-th part
        (a dict returned where the vector goes and the other way round), or None."""
        if not self.names or len(parts) != len(self.parts) or len(parts) > 4:
            return None
        for order in itertools.permutations(range(len(parts))):
            if order == tuple(range(len(parts))):
                continue
            try:
                if all(fits(k, parts[i]) for k, i in enumerate(order)):
                    return order
            except BadValue:
                continue
        return None

    def _part_where(self, where: str, i: int) -> str:
        """A part by its name ('state', 'w_new'): 'result state' would read as English in kk and ru."""
        name = self._name(i)
        return name if where == "result" and self.names else f"{where} {name}"

    def difference(self, got: tuple, expected: tuple, tol: Tolerance) -> Difference | None:
        for i, (spec, a, b) in enumerate(zip(self.parts, got, expected)):
            found = spec.difference(a, b, tol)
            if found is not None:
                return Difference(f"{self._name(i)}{found.where}", found.got, found.expected, found.aspect)
        return None


@dataclass(frozen=True)
class Dict(Spec):
    """A mapping with (at least) these keys; with `exact`, these keys and no other (a dict
    that must come back as it was given)."""

    fields: Mapping[str, Spec]
    exact: bool = False

    def normalize(self, value: Any, where: str = "result") -> dict:
        if not isinstance(value, dict) or not set(self.fields) <= set(value):
            raise BadValue("value.missing_keys", "missing_keys", where=where, keys=", ".join(self.fields))
        if self.exact and set(value) != set(self.fields):
            raise BadValue("value.other_keys", "changed_input", where=where, keys=", ".join(self.fields),
                           got=_some_keys(value))
        return {key: spec.normalize(value[key], f'{where}["{key}"]') for key, spec in self.fields.items()}

    def difference(self, got: dict, expected: dict, tol: Tolerance) -> Difference | None:
        for key, spec in self.fields.items():
            found = spec.difference(got[key], expected[key], tol)
            if found is not None:
                return Difference(f'["{key}"]{found.where}', found.got, found.expected, found.aspect)
        return None


def _some_keys(mapping: Mapping) -> str:
    """A dict's keys for a message: the first 20 in order, each of at most 50 characters (a
    submission may add half a million keys to a dict it was given)."""
    keys = sorted(str(key) for key in mapping)
    shown = ", ".join(key if len(key) <= 50 else key[:50] + "…" for key in keys[:20])
    return shown + (", …" if len(keys) > 20 else "")


@dataclass(frozen=True)
class Text(Spec):
    """A string, compared exactly; `choices`, when given, are the only answers there are (a
    label), so that another string can be named as no label at all."""

    choices: tuple[str, ...] = ()

    def normalize(self, value: Any, where: str = "result") -> str:
        if value is None:
            raise BadValue("value.none", "returned_none", where=where)
        if not isinstance(value, str):
            raise BadValue("value.not_text", "not_text", where=where)
        return value

    def difference(self, got: str, expected: str, tol: Tolerance) -> Difference | None:
        return None if got == expected else Difference("", got, expected)


# What `(perm[k:k + B] for k in …)` and its like are: mini-batches to be returned as a list.
LAZY_SEQUENCES = frozenset({"generator", "map", "filter", "zip", "range", "list_iterator", "itertools.islice"})


@dataclass(frozen=True)
class IndexGroups(Spec):
    """A list of integer index arrays (mini-batches), compared exactly, in order."""

    def normalize(self, value: Any, where: str = "result") -> tuple[tuple[int, ...], ...]:
        if value is None:
            raise BadValue("value.none", "returned_none", where=where)
        if isinstance(value, Rejected) and value.description.rpartition("|")[2] in LAZY_SEQUENCES:
            raise BadValue("value.not_index_list", "wrong_shape", where=where)  # "return a list", not "float(x)"
        if isinstance(value, Rejected):  # named as what it is
            raise BadValue("value.rejected", "not_plain_data", where=where, kind=value.description)
        if type(value) is np.ndarray and value.ndim == 2:  # equal batches as one array: its rows
            value = list(value)
        if not isinstance(value, list):
            raise BadValue("value.not_index_list", "wrong_shape", where=where)
        groups = []
        for i, item in enumerate(value):
            array = _numeric_array(item, f"{where}[{i}]")
            if array.ndim != 1 or not np.all(np.isfinite(array)) or not np.all(array == np.round(array)):
                raise BadValue("value.not_indices", "wrong_shape", where=f"{where}[{i}]")
            groups.append(tuple(int(v) for v in array))
        return tuple(groups)

    def difference(self, got: Sequence, expected: Sequence, tol: Tolerance) -> Difference | None:
        if len(got) != len(expected):
            return Difference("", len(got), len(expected), "count")
        for i, (a, b) in enumerate(zip(got, expected)):
            if a != b:
                return Difference(f"[{i}]", list(a), list(b))
        return None
