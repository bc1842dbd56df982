# MISTAKE (ex02_backward_difference): the backward difference (f(x) - f(x - h)) / h in difference_quotient (forward asked) and in estimate_gradient (central asked).
"""Exercise 2 with one deliberate mistake: the backward difference (f(x) − f(x − h)) / h in both functions."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def difference_quotient(f: Callable[[float], float], x: float, h: float) -> float:
    """Forward difference (f(x + h) − f(x)) / h."""
    return (f(x) - f(x - h)) / h  # should be (f(x + h) - f(x)) / h


def estimate_gradient(f: Callable[[np.ndarray], float], v: Vector, h: float = 1e-5) -> np.ndarray:
    """Central differences: ∂f/∂v_i ≈ (f(v + h e_i) − f(v − h e_i)) / 2h; shape (d,)."""
    v = np.asarray(v, dtype=float)
    gradient = np.empty_like(v)
    for i in range(v.size):
        step = np.zeros_like(v)
        step[i] = h
        gradient[i] = (f(v) - f(v - step)) / h  # should be (f(v + step) - f(v - step)) / (2 * h)
    return gradient
