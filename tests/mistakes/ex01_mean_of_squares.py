# MISTAKE (ex01_mean_of_squares): sum_of_squares returns the mean of the squares, np.mean(v**2), instead of their sum.
"""Exercise 1 with one deliberate mistake: the mean of the squares instead of their sum."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def sum_of_squares(v: Vector) -> float:
    """f(v) = Σ_i v_i²."""
    v = np.asarray(v, dtype=float)
    return float(np.mean(v**2))  # should be np.sum(v**2)


def sum_of_squares_gradient(v: Vector) -> np.ndarray:
    """∇f(v) = [2 v_1, …, 2 v_d]; shape (d,)."""
    return 2.0 * np.asarray(v, dtype=float)
