# MISTAKE (ex05_loss_mae): mse_loss returns the mean absolute error mean(|r|) instead of the MSE mean(r**2).
"""Exercise 5 with one deliberate mistake: the loss is the mean absolute error instead of the MSE."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def mse_loss(w: float, b: float, x: Vector, y: Vector) -> float:
    """L = (1/n) Σ (y_i − (w x_i + b))²."""
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.mean(np.abs(residual)))  # should be np.mean(residual**2)


def mse_gradient(w: float, b: float, x: Vector, y: Vector) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) = (−2 mean(x r), −2 mean(r)), r = y − (w x + b)."""
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    return float(-2 * np.mean(x * residual)), float(-2 * np.mean(residual))
