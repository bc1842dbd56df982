# MISTAKE (ex13_eps_outside_root): w − η g / (√G_new + ε), ε outside the root as in Adam.
"""Exercise 13 with one deliberate mistake: ε added after the square root."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (np.sqrt(G_new) + eps), G_new  # should be √(G_new + ε)
