# MISTAKE (ex07_seed_not_used): np.random.default_rng() without the seed: another order on every call.
"""Exercise 7 with one deliberate mistake: the seed argument is never used."""
import numpy as np


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng()  # should be default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            r = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * r, b + learning_rate * 2 * r
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return w, b, losses
