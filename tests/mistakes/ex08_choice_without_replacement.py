# MISTAKE (ex08_choice_without_replacement): minibatches cuts rng.choice(n, size=n, replace=False) instead of rng.permutation(n).
"""Exercise 8 with one deliberate mistake: every index once per epoch, but in an order numpy
draws otherwise than rng.permutation(n), so the same rng gives other mini-batches."""
import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss


def minibatches(n, batch_size, rng):
    order = rng.choice(n, size=n, replace=False)  # should be rng.permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for batch in minibatches(len(x), batch_size, rng):
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
