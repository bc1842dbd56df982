# MISTAKE (ex07_epoch_mean_loss): losses[e] is the mean of the epoch's sample losses, each taken before its update, instead of the full-data MSE after the epoch.
"""Exercise 7 with one deliberate mistake: losses[e] is the epoch's running mean of sample losses, not the full-data MSE."""

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
        sample_losses = []
        for i in rng.permutation(len(x)):
            residual = y[i] - (w * x[i] + b)
            sample_losses.append(residual**2)
            w, b = w + learning_rate * 2 * x[i] * residual, b + learning_rate * 2 * residual
        losses.append(float(np.mean(sample_losses)))  # should be mse_loss(w, b, x, y)
    return float(w), float(b), losses
