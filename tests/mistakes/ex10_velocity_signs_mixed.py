# MISTAKE (ex10_velocity_signs_mixed): h_new = alpha*h - lr*grad (the velocity of the books that add it), then w_new = w - h_new (the slides' step): uphill.
"""Exercise 10 with one deliberate mistake: the velocity of one convention with the step of the other.

Symbol map: w = weights, grad = ∇f(w), h = the velocity (accumulated step), α = alpha,
η = learning_rate. This is the slides' form, η inside the velocity:
    h_new = α h + η ∇f(w);  w_new = w − h_new.
torch.optim.SGD(momentum=α) keeps b = α b + g and steps w − η b: the same iterates, since
h = η b when η is constant.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def momentum_update(
    w: Vector, grad: Vector, h: Vector, learning_rate: float = 0.01, alpha: float = 0.9
) -> tuple[np.ndarray, np.ndarray]:
    """h_new = α h + η grad; w_new = w − h_new. Returns (w_new, h_new), each shape (d,)."""
    h_new = alpha * np.asarray(h, dtype=float) - learning_rate * np.asarray(grad, dtype=float)  # should be + lr * grad
    return np.asarray(w, dtype=float) - h_new, h_new
