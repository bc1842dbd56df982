# MISTAKE (ex06_gradient_ascent): w, b = w + lr * grad_w, b + lr * grad_b: the gradient from mse_gradient added instead of subtracted.
"""Exercise 6 with one deliberate mistake: the gradient added (ascent)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss

Vector = Sequence[float] | np.ndarray


def fit_linear_batch(
    x: Vector,
    y: Vector,
    learning_rate: float = 0.01,
    epochs: int = 1000,
    w0: float = 0.0,
    b0: float = 0.0,
) -> tuple[float, float, list[float]]:
    """One simultaneous update per epoch on all data: (w, b) ← (w, b) − η ∇L(w, b).

    losses[e] is the MSE after epoch e's update; len(losses) == epochs.
    """
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        grad_w, grad_b = mse_gradient(w, b, x, y)
        w, b = w + learning_rate * grad_w, b + learning_rate * grad_b  # should be w - ..., b - ...
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
