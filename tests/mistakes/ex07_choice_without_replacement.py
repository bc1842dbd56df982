# MISTAKE (ex07_choice_without_replacement): each epoch's order is rng.choice(n, size=n, replace=False), not rng.permutation(n).
"""Exercise 7 with one deliberate mistake: every sample once per epoch, but in an order numpy
draws otherwise than rng.permutation(n), so the same seed gives another trajectory."""
import numpy as np

from .ex05_linear_regression import mse_loss


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for i in rng.choice(len(x), size=len(x), replace=False):  # should be: rng.permutation(len(x))
            residual = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * residual, b + learning_rate * 2 * residual
        losses.append(mse_loss(w, b, x, y))
    return float(w), float(b), losses
