# MISTAKE (ex13_old_accumulator): the step divides by √(G + ε) with the old G; G_new = α G + (1 − α) grad**2 comes after it.
"""Exercise 13 with one deliberate mistake: the step uses the old G."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G = np.asarray(G, dtype=float)
    w_new = w - learning_rate * grad / np.sqrt(G + eps)  # should use G_new
    return w_new, alpha * G + (1 - alpha) * grad ** 2
