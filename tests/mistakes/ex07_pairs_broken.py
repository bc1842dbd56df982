# MISTAKE (ex07_pairs_broken): each epoch shuffles x (x_shuffled = x[rng.permutation(n)]) but pairs it with the unshuffled y.
"""Exercise 7 with one deliberate mistake: x is shuffled, y is not, so x_i meets another sample's y."""
import numpy as np

from .ex05_linear_regression import mse_loss


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        x_shuffled = x[rng.permutation(len(x))]  # y should be shuffled with the same order
        for i in range(len(x)):
            residual = y[i] - (w * x_shuffled[i] + b)
            w, b = w + learning_rate * 2 * x_shuffled[i] * residual, b + learning_rate * 2 * residual
        losses.append(mse_loss(w, b, x, y))
    return float(w), float(b), losses
