# MISTAKE (ex13_gradient_norm_squared): G_new = alpha * G + (1 - alpha) * np.dot(grad, grad), the squared length for every component, instead of grad**2.
"""Exercise 13 with one deliberate mistake: g² taken as ‖g‖²."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def rmsprop_update(
    w: Vector,
    grad: Vector,
    G: Vector,
    learning_rate: float = 0.01,
    alpha: float = 0.9,
    eps: float = 1e-8,
) -> tuple[np.ndarray, np.ndarray]:
    """G_new = α G + (1 − α) g²; w_new = w − η g / √(G_new + ε). Returns (w_new, G_new)."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * np.dot(grad, grad)  # should be (1 - alpha) * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new
