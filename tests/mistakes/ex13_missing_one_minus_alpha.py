# MISTAKE (ex13_missing_one_minus_alpha): G_new = α G + grad**2: the new square is not weighted by (1 − α).
"""Exercise 13 with one deliberate mistake: the new square not weighted by (1 − α)."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + grad ** 2  # should be (1 - alpha) * grad ** 2
    return w - learning_rate * grad / np.sqrt(G_new + eps), G_new
