"""Exercise 11, updating the caller's w and h in place."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def nesterov_update(
    w: Vector,
    grad_f: Callable[[np.ndarray], Vector],
    h: Vector,
    learning_rate: float = 0.01,
    alpha: float = 0.9,
) -> tuple[np.ndarray, np.ndarray]:
    """g = ∇f(w − α h); h_new = α h + η g; w_new = w − h_new. Returns (w_new, h_new)."""
    w = np.asarray(w, dtype=float)
    h = np.asarray(h, dtype=float)
    lookahead_gradient = np.asarray(grad_f(w - alpha * h), dtype=float)
    h *= alpha
    h += learning_rate * lookahead_gradient
    w -= h
    return w, h
