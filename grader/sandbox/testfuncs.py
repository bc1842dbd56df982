"""Test functions that the hidden suites hand to student code: f and its gradient.

Both sides build them from the same (name, params): the grader in-process for the reference,
the worker for the student, who receives a plain Python callable. Public math only, no
expected values. Imported by the worker as a top-level module: no grader imports here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

import numpy as np


def _as_input(x: Any) -> tuple[np.ndarray, bool]:
    array = np.asarray(x, dtype=float)
    return array, array.ndim == 0


def diag_quadratic(scales: list[float], center: list[float]) -> tuple[Callable, Callable]:
    """f(x) = Σ a_i (x_i − c_i)², ∇f = 2 a (x − c); minimum f = 0 at c."""
    a, c = np.asarray(scales, dtype=float), np.asarray(center, dtype=float)

    def f(x: Any) -> float:
        x, _ = _as_input(x)
        return float(np.sum(a * (x - c) ** 2))

    def grad(x: Any) -> np.ndarray:
        x, _ = _as_input(x)
        return 2 * a * (x - c)

    return f, grad


def quadratic(matrix: list[list[float]], vector: list[float]) -> tuple[Callable, Callable]:
    """f(x) = ½ xᵀ A x − bᵀ x (A symmetric positive definite), ∇f = A x − b."""
    A, b = np.asarray(matrix, dtype=float), np.asarray(vector, dtype=float)

    def f(x: Any) -> float:
        x, _ = _as_input(x)
        return float(0.5 * x @ A @ x - b @ x)

    def grad(x: Any) -> np.ndarray:
        x, _ = _as_input(x)
        return A @ x - b

    return f, grad


def rosenbrock(a: float = 1.0, b: float = 100.0) -> tuple[Callable, Callable]:
    """f(x) = Σ (a − x_i)² + b (x_{i+1} − x_i²)²; minimum 0 at (a, …, a)."""

    def f(x: Any) -> float:
        x, _ = _as_input(x)
        return float(np.sum((a - x[:-1]) ** 2 + b * (x[1:] - x[:-1] ** 2) ** 2))

    def grad(x: Any) -> np.ndarray:
        x, _ = _as_input(x)
        g = np.zeros_like(x)
        g[:-1] += -2 * (a - x[:-1]) - 4 * b * x[:-1] * (x[1:] - x[:-1] ** 2)
        g[1:] += 2 * b * (x[1:] - x[:-1] ** 2)
        return g

    return f, grad


def polynomial_sum(coefficients: list[float]) -> tuple[Callable, Callable]:
    """f(x) = Σ_i p(x_i) with p(t) = Σ_k c_k t^k (c_0 first); a float in, a float out.

    x² + 4x + 5 is [5, 4, 1]; x⁴ − 3x² + x (a local and a global minimum) is [0, 1, -3, 0, 1].
    """
    p = [float(c) for c in coefficients]
    dp = [k * c for k, c in enumerate(p)][1:] or [0.0]  # p′(t) = Σ_k k c_k t^(k−1)

    def f(x: Any) -> float:
        x, scalar = _as_input(x)
        return horner(p, float(x)) if scalar else float(np.sum(horner(p, x)))

    def grad(x: Any) -> Any:
        x, scalar = _as_input(x)
        return horner(dp, float(x)) if scalar else horner(dp, x)

    return f, grad


def horner(coefficients: list[float], x: Any) -> Any:
    """Σ_k c_k x^k = c_0 + x (c_1 + x (c_2 + …)), with numpy's polyval's roundings (also its
    first step, c_n + 0·x, so that an infinite x gives NaN as there); ~7× faster on small
    arrays than calling a numpy Polynomial."""
    value = coefficients[-1] + x * 0
    for c in reversed(coefficients[:-1]):
        value = c + value * x
    return value


def wavy(frequencies: list[float]) -> tuple[Callable, Callable]:
    """f(x) = Σ sin(ω_i x_i) + ½ Σ x_i², ∇f = ω cos(ω x) + x: curved enough to tell
    forward from central differences."""
    w = np.asarray(frequencies, dtype=float)

    def f(x: Any) -> float:
        x, _ = _as_input(x)
        return float(np.sum(np.sin(w * x)) + 0.5 * np.sum(x**2))

    def grad(x: Any) -> np.ndarray:
        x, _ = _as_input(x)
        return w * np.cos(w * x) + x

    return f, grad


def entropy() -> tuple[Callable, Callable]:
    """f(x) = Σ x_i log x_i (x > 0), ∇f = log x + 1; minimum at x_i = 1/e. A step that lands
    on a negative coordinate makes the next gradient nan (not ±inf)."""

    def f(x: Any) -> float:
        x, _ = _as_input(x)
        return float(np.sum(x * np.log(x)))

    def grad(x: Any) -> np.ndarray:
        x, _ = _as_input(x)
        return np.log(x) + 1

    return f, grad


FAMILIES: dict[str, Callable[..., tuple[Callable, Callable]]] = {
    "diag_quadratic": diag_quadratic,
    "quadratic": quadratic,
    "rosenbrock": rosenbrock,
    "polynomial_sum": polynomial_sum,
    "wavy": wavy,
    "entropy": entropy,
}


def build(name: str, part: str, params: dict) -> Callable:
    """The callable for ("diag_quadratic", "grad", {...}); ValueError for unknown names."""
    if name not in FAMILIES or part not in ("f", "grad") or type(params) is not dict:
        raise ValueError(f"unknown test function {name!r}/{part!r}")
    f, grad = FAMILIES[name](**params)
    return f if part == "f" else grad


@dataclass(frozen=True)
class FnRef:
    """One part ("f" or "grad") of a test function; callable here, sent as a spec."""

    name: str
    part: str
    params: dict = field(hash=False)

    @cached_property
    def _function(self) -> Callable:
        return build(self.name, self.part, self.params)

    def __call__(self, x: Any) -> Any:
        return self._function(x)

    def wire_spec(self) -> list:
        return [self.name, self.part, self.params]


@dataclass(frozen=True)
class Objective:
    """A named test function with its parameters: `.f` and `.grad` are FnRefs (not a pytest class: no Test prefix)."""

    name: str
    params: dict = field(hash=False)

    @property
    def f(self) -> FnRef:
        return FnRef(self.name, "f", self.params)

    @property
    def grad(self) -> FnRef:
        return FnRef(self.name, "grad", self.params)
