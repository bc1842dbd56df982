# MISTAKE (ex05_sum_instead_of_mean, in the loss): L = Σ r² instead of (1/n) Σ r²; the gradient is right.
"""Exercise 5 with one deliberate mistake: the loss is a sum, not a mean."""
import numpy as np


def mse_loss(w, b, x, y):
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.sum(residual**2))  # should be the mean


def mse_gradient(w, b, x, y):
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    return float(-2 * np.mean(x * residual)), float(-2 * np.mean(residual))
