# MISTAKE (ex11_lookahead_without_alpha): g = grad_f(w - h): the look-ahead point without alpha (w - h instead of w - alpha*h).
"""Exercise 11 with one deliberate mistake: the gradient taken at w − h instead of the look-ahead point w − α h."""

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
    lookahead_gradient = np.asarray(grad_f(w - h), dtype=float)  # should be grad_f(w - alpha * h)
    h_new = alpha * h + learning_rate * lookahead_gradient
    return w - h_new, h_new
