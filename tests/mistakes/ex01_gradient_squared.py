# MISTAKE (ex01_gradient_squared): the gradient squares each coordinate, v**2, instead of differentiating it to 2*v.
"""Exercise 1 with one deliberate mistake: the gradient as [v_1², …, v_d²] instead of 2v."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def sum_of_squares(v: Vector) -> float:
    """f(v) = Σ_i v_i²."""
    v = np.asarray(v, dtype=float)
    return float(np.dot(v, v))


def sum_of_squares_gradient(v: Vector) -> np.ndarray:
    """∇f(v) = [2 v_1, …, 2 v_d]; shape (d,)."""
    return np.asarray(v, dtype=float) ** 2  # should be 2 * v
