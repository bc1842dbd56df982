# MISTAKE (ex08_divided_by_batch_size): the batch's summed gradient divided by batch_size, not by len(batch).
"""Exercise 8 with one deliberate mistake: the mean taken over batch_size (wrong for the last, smaller batch)."""
import numpy as np

from .ex05_linear_regression import mse_loss


def minibatches(n, batch_size, rng):
    perm = rng.permutation(n)
    return [perm[start:start + batch_size] for start in range(0, n, batch_size)]


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0,
                         w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for idx in minibatches(len(x), batch_size, rng):
            r = y[idx] - (w * x[idx] + b)
            gw = -2 * np.sum(x[idx] * r) / batch_size  # should be / len(idx)
            gb = -2 * np.sum(r) / batch_size
            w, b = w - learning_rate * gw, b - learning_rate * gb
        losses.append(float(mse_loss(w, b, x, y)))
    return w, b, losses
