# MISTAKE (ex12_learning_rate_inside_root): w - sqrt(lr / (G_new + eps)) * grad: the learning rate under the root.
"""Exercise 12 with one deliberate mistake: the learning rate put under the square root."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def adagrad_update(
    w: Vector, grad: Vector, G: Vector, learning_rate: float = 0.01, eps: float = 1e-8
) -> tuple[np.ndarray, np.ndarray]:
    """G_new = G + g²; w_new = w − η g / √(G_new + ε). Returns (w_new, G_new)."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - np.sqrt(learning_rate / (G_new + eps)) * grad, G_new  # should be learning_rate * grad / np.sqrt(G_new + eps)
