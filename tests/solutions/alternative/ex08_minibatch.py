"""Exercise 8 (alternative solution): mini-batch gradient descent."""
import numpy as np

from .ex05_linear_regression import mse_gradient, mse_loss


def minibatches(n, batch_size, rng):
    order = rng.permutation(n)
    chunks = []
    start = 0
    while start < n:
        chunks.append(order[start:start + batch_size])
        start += batch_size
    return chunks


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0,
                         w0=0.0, b0=0.0):
    xa = np.asarray(x, dtype=float)
    ya = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _epoch in range(epochs):
        for idx in minibatches(len(xa), batch_size, rng):
            dw, db = mse_gradient(w, b, xa[idx], ya[idx])
            w, b = w - learning_rate * dw, b - learning_rate * db
        losses.append(mse_loss(w, b, xa, ya))
    return w, b, losses
