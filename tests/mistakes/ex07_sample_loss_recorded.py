# MISTAKE (ex07_sample_loss_recorded): losses[e] is the squared residual of the epoch's last sample, not the MSE over all the data.
"""Exercise 7 with one deliberate mistake: the loss recorded each epoch is the last sample's, not the full-data MSE."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .ex05_linear_regression import mse_loss

Vector = Sequence[float] | np.ndarray


def fit_linear_sgd(
    x: Vector,
    y: Vector,
    learning_rate: float = 0.01,
    epochs: int = 100,
    seed: int = 0,
    w0: float = 0.0,
    b0: float = 0.0,
) -> tuple[float, float, list[float]]:
    """Per epoch, visit rng.permutation(n) and update on one sample at a time.

    The sample loss is (y_i − (w x_i + b))², gradient (−2 x_i r_i, −2 r_i).
    rng = np.random.default_rng(seed) is created once; losses[e] = full-data MSE after epoch e.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            residual = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * residual, b + learning_rate * 2 * residual
        losses.append(float((y[i] - (w * x[i] + b)) ** 2))  # should be mse_loss(w, b, x, y)
    return float(w), float(b), losses
