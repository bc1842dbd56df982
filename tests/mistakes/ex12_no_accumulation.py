# MISTAKE (ex12_no_accumulation): G_new = grad**2 instead of G + grad**2 (the squared gradients are not accumulated).
"""Exercise 12 with one deliberate mistake: AdaGrad without accumulation."""
import numpy as np


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G_new = grad ** 2  # should be G + grad**2
    return w - learning_rate * grad / np.sqrt(G_new + eps), G_new
