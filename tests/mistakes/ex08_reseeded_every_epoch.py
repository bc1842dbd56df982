# MISTAKE (ex08_reseeded_every_epoch): default_rng(seed) created inside the epoch loop.
"""Exercise 8 with one deliberate mistake: the same mini-batches every epoch."""
import numpy as np


def minibatches(n, batch_size, rng):
    order = rng.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def fit_linear_minibatch(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        rng = np.random.default_rng(seed)  # should be created once, before the loop
        for batch in minibatches(len(x), batch_size, rng):
            r = y[batch] - (w * x[batch] + b)
            w, b = w + learning_rate * 2 * np.mean(x[batch] * r), b + learning_rate * 2 * np.mean(r)
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return w, b, losses
