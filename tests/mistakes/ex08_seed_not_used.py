# MISTAKE (ex08_seed_not_used): minibatches shuffles with a generator of its own, not the rng it is given.
"""Exercise 8 with one deliberate mistake: the rng argument (made from the seed) is never used."""
import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss


def minibatches(n, batch_size, rng):
    perm = np.random.default_rng().permutation(n)  # should be rng.permutation(n)
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
            gw, gb = mse_gradient(w, b, x[idx], y[idx])
            w, b = w - learning_rate * gw, b - learning_rate * gb
        losses.append(float(mse_loss(w, b, x, y)))
    return w, b, losses
