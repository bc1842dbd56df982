"""Exercise 8 whose minibatches draws from a seeded generator of its own, not from the rng it is given:
every index once, in the right sizes, in another order."""
import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss


def minibatches(n, batch_size, rng):
    perm = np.random.default_rng(42).permutation(n)  # should be rng.permutation(n)
    return [perm[start:start + batch_size] for start in range(0, n, batch_size)]


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for batch in minibatches(len(x), batch_size, rng):
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
