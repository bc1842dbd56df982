# MISTAKE (ex12_gradient_norm_squared): G_new = G + np.dot(grad, grad), the squared length added to every component, instead of G + grad**2.
"""Exercise 12 with one deliberate mistake: g² taken as ‖g‖²."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def adagrad_update(
    w: Vector, grad: Vector, G: Vector, learning_rate: float = 0.01, eps: float = 1e-8
) -> tuple[np.ndarray, np.ndarray]:
    """G_new = G + g²; w_new = w − η g / √(G_new + ε). Returns (w_new, G_new)."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + np.dot(grad, grad)  # should be + grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new
