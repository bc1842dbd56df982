"""Exercise 12's known mistakes."""

import numpy as np


def not_accumulated(w, grad, G, learning_rate=0.01, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def eps_outside(w, grad, G, learning_rate=0.01, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (np.sqrt(G_new) + eps), G_new


VARIANTS = {"no_accumulation": {"adagrad_update": not_accumulated}, "eps_outside_root": {"adagrad_update": eps_outside}}
