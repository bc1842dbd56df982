"""Exercise 1 (reference): f(v) = Σ v_i² and its gradient (lecture6_kk)."""

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
    return 2.0 * np.asarray(v, dtype=float)
