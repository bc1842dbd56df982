"""Exercise 8: mini-batches as lists of Python ints; the mean gradient written inline."""

import numpy as np


def minibatches(n, batch_size, rng):
    order = [int(i) for i in rng.permutation(n)]
    batches = []
    start = 0
    while start < n:
        batches.append(order[start:start + batch_size])
        start += batch_size
    return batches


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0,
                         w0=0.0, b0=0.0):
    xs = [float(c) for c in x]
    ys = [float(c) for c in y]
    n = len(xs)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for batch in minibatches(n, batch_size, rng):
            sum_xr = 0.0
            sum_r = 0.0
            for i in batch:
                r = ys[i] - (w * xs[i] + b)
                sum_xr += xs[i] * r
                sum_r += r
            m = len(batch)
            gw = -2.0 * sum_xr / m
            gb = -2.0 * sum_r / m
            w, b = w - learning_rate * gw, b - learning_rate * gb
        losses.append(sum((yi - (w * xi + b)) ** 2 for xi, yi in zip(xs, ys)) / n)
    return w, b, losses
