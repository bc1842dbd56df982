# MISTAKE (ex05_gradient_w_missing_x): dL/dw = -2 mean(r) instead of -2 mean(x r) (the chain rule's x_i is forgotten).
"""Exercise 5 with one deliberate mistake: dL/dw without the factor x_i."""
import numpy as np


def mse_loss(w, b, x, y):
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.mean(residual**2))


def mse_gradient(w, b, x, y):
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    return float(-2 * np.mean(residual)), float(-2 * np.mean(residual))  # dL/dw should be -2 mean(x r)
