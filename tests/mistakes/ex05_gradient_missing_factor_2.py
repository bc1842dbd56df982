# MISTAKE (ex05_gradient_missing_factor_2): mse_gradient returns (-mean(x r), -mean(r)) without the factor 2.
"""Exercise 5 with one deliberate mistake: the factor 2 of the squared error is dropped."""
import numpy as np


def mse_loss(w, b, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(np.mean((y - (w * x + b)) ** 2))


def mse_gradient(w, b, x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    r = y - (w * x + b)
    return float(-np.mean(x * r)), float(-np.mean(r))  # should be -2 * mean(...)
