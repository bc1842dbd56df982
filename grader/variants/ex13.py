"""Exercise 13's known mistakes."""

import numpy as np


def swapped(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = (1 - alpha) * np.asarray(G, dtype=float) + alpha * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def eps_outside(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (np.sqrt(G_new) + eps), G_new


VARIANTS = {"alpha_swapped": {"rmsprop_update": swapped}, "eps_outside_root": {"rmsprop_update": eps_outside}}
