# MISTAKE (ex07_no_shuffling): visits samples 0..n-1 in order every epoch (the rng is created but never used).
"""Exercise 7 with one deliberate mistake: no shuffling of the samples."""
import numpy as np


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    rng = np.random.default_rng(seed)  # noqa: F841 - created, but the order below ignores it
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for i in range(n):  # should be rng.permutation(n)
            r = y[i] - (w * x[i] + b)
            gw = -2.0 * x[i] * r
            gb = -2.0 * r
            w, b = w - learning_rate * gw, b - learning_rate * gb
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return float(w), float(b), losses
