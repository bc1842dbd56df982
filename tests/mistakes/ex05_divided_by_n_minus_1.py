# MISTAKE (ex05_divided_by_n_minus_1): the loss and the gradient divide the sums by n - 1 (the sample variance's correction) instead of n.
"""Exercise 5 with one deliberate mistake: the loss and the gradient divided by n − 1 instead of n."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def mse_loss(w: float, b: float, x: Vector, y: Vector) -> float:
    """L = (1/n) Σ (y_i − (w x_i + b))²."""
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.sum(residual**2) / (len(residual) - 1))  # should be np.mean(residual**2), over n


def mse_gradient(w: float, b: float, x: Vector, y: Vector) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) = (−2 mean(x r), −2 mean(r)), r = y − (w x + b)."""
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    n = len(x)  # divided by n - 1 below, where the mean divides by n
    return float(-2 * np.sum(x * residual) / (n - 1)), float(-2 * np.sum(residual) / (n - 1))
