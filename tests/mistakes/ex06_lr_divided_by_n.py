# MISTAKE (ex06_lr_divided_by_n): w - lr*grad_w/n, b - lr*grad_b/n: the mean gradient divided by n once more.
"""Exercise 6 with one deliberate mistake: the step divides mse_gradient's mean gradient by n again."""

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
        w, b = w - learning_rate * grad_w / len(x), b - learning_rate * grad_b / len(x)  # should be w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
