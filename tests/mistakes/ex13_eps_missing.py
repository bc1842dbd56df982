# MISTAKE (ex13_eps_missing): w − η g / √G_new: eps is left out (the slides put it under the root, √(G_new + ε)).
"""Exercise 13 with one deliberate mistake: RMSprop without ε."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad ** 2
    return w - learning_rate * grad / np.sqrt(G_new), G_new  # should be np.sqrt(G_new + eps)
