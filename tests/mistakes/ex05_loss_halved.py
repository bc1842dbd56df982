# MISTAKE (ex05_loss_halved): L = (1/2n) Σ r² (the ½ of another course's convention) instead of (1/n) Σ r²; the gradient is right.
"""Exercise 5 with one deliberate mistake: the loss is half the MSE."""
import numpy as np


def mse_loss(w, b, x, y):
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.sum(residual**2) / (2 * len(residual)))  # should be the mean, without the 1/2


def mse_gradient(w, b, x, y):
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    return float(-2 * np.mean(x * residual)), float(-2 * np.mean(residual))
