# MISTAKE (ex07_loss_before_update): the loss is appended at the start of each epoch, before its updates.
"""Exercise 7 with one deliberate mistake: losses[e] is the MSE before epoch e, not after it."""
import numpy as np


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))  # should come after the epoch's updates
        for i in rng.permutation(len(x)):
            r = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * r, b + learning_rate * 2 * r
    return w, b, losses
