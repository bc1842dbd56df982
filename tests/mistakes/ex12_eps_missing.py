# MISTAKE (ex12_eps_missing): w − η g / √G_new: eps is left out (the slides put it under the root, √(G_new + ε)).
"""Exercise 12 with one deliberate mistake: AdaGrad without ε."""
import numpy as np


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad ** 2
    return w - learning_rate * grad / np.sqrt(G_new), G_new  # should be np.sqrt(G_new + eps)
