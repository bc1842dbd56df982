"""Exercise 7: SGD, one sample per update, plain floats."""

import numpy as np


def _full_mse(w, b, xs, ys):
    total = 0.0
    for xi, yi in zip(xs, ys):
        e = yi - w * xi - b
        total += e * e
    return total / len(xs)


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    xs = [float(c) for c in x]
    ys = [float(c) for c in y]
    n = len(xs)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for i in rng.permutation(n):
            r = ys[i] - (w * xs[i] + b)
            step = 2.0 * learning_rate * r
            w, b = w + step * xs[i], b + step
        losses.append(_full_mse(w, b, xs, ys))
    return w, b, losses
