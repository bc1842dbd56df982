# MISTAKE (ex05_gradient_w_product_of_means): dL/dw = -2*mean(x)*mean(r) (a product of means) instead of -2*mean(x*r).
"""Exercise 5 with one deliberate mistake: ∂L/∂w computed from the product of the means of x and r."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def mse_loss(w: float, b: float, x: Vector, y: Vector) -> float:
    """L = (1/n) Σ (y_i − (w x_i + b))²."""
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.mean(residual**2))


def mse_gradient(w: float, b: float, x: Vector, y: Vector) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) = (−2 mean(x r), −2 mean(r)), r = y − (w x + b)."""
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    return float(-2 * np.mean(x) * np.mean(residual)), float(-2 * np.mean(residual))  # should be -2 * np.mean(x * residual)
