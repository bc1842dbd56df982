# MISTAKE (ex13_alpha_swapped): G_new = (1 - alpha)*G + alpha*grad**2 (alpha and 1 - alpha swapped).
"""Exercise 13 with one deliberate mistake: the weights of the moving average are swapped."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G = np.asarray(G, dtype=float)
    G_new = (1 - alpha) * G + alpha * grad ** 2  # should be alpha*G + (1 - alpha)*grad**2
    return w - learning_rate * grad / np.sqrt(G_new + eps), G_new
