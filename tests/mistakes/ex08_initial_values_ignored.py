# MISTAKE (ex08_initial_values_ignored): w and b start at 0.0 whatever w0 and b0 are given.
"""Exercise 8 with one deliberate mistake: the start (w0, b0) is ignored."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss

Vector = Sequence[float] | np.ndarray


def minibatches(n: int, batch_size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """rng.permutation(n) cut into consecutive chunks of batch_size; the last may be smaller."""
    perm = rng.permutation(n)
    return [perm[start : start + batch_size] for start in range(0, n, batch_size)]


def fit_linear_minibatch(
    x: Vector,
    y: Vector,
    learning_rate: float = 0.01,
    epochs: int = 100,
    batch_size: int = 32,
    seed: int = 0,
    w0: float = 0.0,
    b0: float = 0.0,
) -> tuple[float, float, list[float]]:
    """Per epoch, one update per mini-batch with the batch's mean gradient (mse_gradient).

    batch_size = 1 is ex07's SGD, batch_size = n is ex06's batch GD (same seed).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = 0.0, 0.0  # should be float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for batch in minibatches(len(x), batch_size, rng):
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
