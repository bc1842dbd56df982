# MISTAKE (ex12_old_accumulator): the step divides by √(G + ε) with the old G; G_new = G + grad**2 comes after it.
"""Exercise 12 with one deliberate mistake: the step uses the old G."""
import numpy as np


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    w_new = w - learning_rate * grad / np.sqrt(np.asarray(G, dtype=float) + eps)  # should use G_new
    G_new = np.asarray(G, dtype=float) + grad ** 2
    return w_new, G_new
