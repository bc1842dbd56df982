"""Exercise 7 with each epoch's order from `idx = np.arange(n); rng.shuffle(idx)` (the numbers
rng.permutation(n) draws), and (w, b) kept as one vector θ updated in place on the sample's
features (x_i, 1)."""

import numpy as np


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    theta = np.array([w0, b0], dtype=float)
    losses = []
    for _ in range(epochs):
        idx = np.arange(len(x))
        rng.shuffle(idx)
        for i in idx:
            features = np.array([x[i], 1.0])
            error = features @ theta - y[i]  # −r_i
            theta -= learning_rate * 2 * error * features
        losses.append(np.mean((theta[0] * x + theta[1] - y) ** 2))
    return theta[0], theta[1], losses
