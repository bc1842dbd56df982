# MISTAKE (ex08_array_split_evenly): minibatches splits the permutation with np.array_split into ceil(n / batch_size) nearly equal parts.
"""Exercise 8 with one deliberate mistake: np.array_split gives as many mini-batches as the
statement, but of sizes differing by one at most (10 by 4: 4, 3, 3) instead of batch_size each and
a shorter last one (4, 4, 2)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss

Vector = Sequence[float] | np.ndarray


def minibatches(n: int, batch_size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """rng.permutation(n) cut into consecutive chunks of batch_size; the last may be smaller."""
    perm = rng.permutation(n)
    return np.array_split(perm, int(np.ceil(n / batch_size)))


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
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for batch in minibatches(len(x), batch_size, rng):
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
