# MISTAKE (ex12_no_square_root): w − η g / (G_new + ε): the square root is missing.
"""Exercise 12 with one deliberate mistake: no square root."""
import numpy as np


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad ** 2
    return w - learning_rate * grad / (G_new + eps), G_new  # should be np.sqrt(G_new + eps)
