# MISTAKE (ex07_gradient_missing_factor_2): the sample's gradient lacks the factor 2 (the gradient of r²/2).
"""Exercise 7 with one deliberate mistake: steps half as long as the statement's."""
import numpy as np


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            r = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * x[i] * r, b + learning_rate * r  # should be 2 * learning_rate
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return w, b, losses
