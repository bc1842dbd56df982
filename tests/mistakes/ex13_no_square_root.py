# MISTAKE (ex13_no_square_root): w − η g / (G_new + ε): the square root is missing.
"""Exercise 13 with one deliberate mistake: no square root."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad ** 2
    return w - learning_rate * grad / (G_new + eps), G_new  # should be np.sqrt(G_new + eps)
