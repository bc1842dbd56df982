# MISTAKE (ex07_sequential_update): at each sample w is updated first, then b with the NEW w (not simultaneous).
"""Exercise 7 with one deliberate mistake: sequential instead of simultaneous update of w and b."""
import numpy as np


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            w = w + 2 * learning_rate * x[i] * (y[i] - (w * x[i] + b))
            b = b + 2 * learning_rate * (y[i] - (w * x[i] + b))  # should use the old w
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return w, b, losses
