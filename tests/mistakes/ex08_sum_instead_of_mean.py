# MISTAKE (ex08_sum_instead_of_mean): the batch gradient is summed over the batch instead of averaged.
"""Exercise 8 with one deliberate mistake: sum instead of mean over the mini-batch."""
import numpy as np


def minibatches(n, batch_size, rng):
    perm = rng.permutation(n)
    return [perm[i:i + batch_size] for i in range(0, n, batch_size)]


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0,
                         w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for idx in minibatches(len(x), batch_size, rng):
            xb, yb = x[idx], y[idx]
            r = yb - (w * xb + b)
            gw = -2.0 * np.sum(xb * r)  # should be np.mean
            gb = -2.0 * np.sum(r)  # should be np.mean
            w, b = w - learning_rate * gw, b - learning_rate * gb
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return float(w), float(b), losses
