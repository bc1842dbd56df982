"""Exercise 10 whose update rule returns the new w alone, without the new velocity."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def momentum_update(
    w: Vector, grad: Vector, h: Vector, learning_rate: float = 0.01, alpha: float = 0.9
) -> tuple[np.ndarray, np.ndarray]:
    """h_new = α h + η grad; w_new = w − h_new. Returns (w_new, h_new), each shape (d,)."""
    h_new = alpha * np.asarray(h, dtype=float) + learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * np.asarray(grad, dtype=float)  # the new w alone, no state
