# MISTAKE (ex07_sampling_with_replacement): each epoch draws n random indices with rng.integers (with replacement) instead of visiting rng.permutation(n).
"""Exercise 7 with one deliberate mistake: some samples are visited twice in an epoch, others never."""
import numpy as np

from .ex05_linear_regression import mse_loss


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for _ in range(len(x)):
            i = rng.integers(len(x))  # should be: for i in rng.permutation(len(x))
            residual = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * residual, b + learning_rate * 2 * residual
        losses.append(mse_loss(w, b, x, y))
    return float(w), float(b), losses
