# MISTAKE (ex08_legacy_global_rng): np.random.seed(seed) and np.random.permutation(n) instead of rng = np.random.default_rng(seed) and rng.permutation(n).
"""Exercise 8 with one deliberate mistake: the mini-batches come from numpy's legacy global
generator, whose numbers are not default_rng's (the rng given to minibatches goes unused)."""
import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss


def minibatches(n, batch_size, rng):
    order = np.random.permutation(n)  # should be rng.permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    np.random.seed(seed)  # should be rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for batch in minibatches(len(x), batch_size, None):
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
