"""Exercise 10's known mistakes."""

import numpy as np


def damped(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = alpha * np.asarray(h, dtype=float) + (1 - alpha) * learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - h_new, h_new


VARIANTS = {"damped_momentum": {"momentum_update": damped}}
