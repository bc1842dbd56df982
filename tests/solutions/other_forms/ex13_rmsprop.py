"""Exercise 13 with the moving average written as an increment, G + (1 − α)(g² − G), and the
pair returned as tuples of numpy floats."""

import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    g = np.asarray(grad, dtype=float)
    G = np.asarray(G, dtype=float)
    G_new = G + (1 - alpha) * (g * g - G)
    w_new = np.asarray(w, dtype=float) - learning_rate / np.sqrt(G_new + eps) * g
    return tuple(w_new), tuple(G_new)
