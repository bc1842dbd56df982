"""Exercise 7's known mistakes."""

import numpy as np

from reference.ex05_linear_regression import mse_loss


def fit_in_order(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for i in range(len(x)):
            r = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * r, b + learning_rate * 2 * r
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def fit_reseeded(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        rng = np.random.default_rng(seed)  # every epoch: the same order every time
        for i in rng.permutation(len(x)):
            r = y[i] - (w * x[i] + b)
            w, b = w + learning_rate * 2 * x[i] * r, b + learning_rate * 2 * r
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def fit_sequential(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            w = w + learning_rate * 2 * x[i] * (y[i] - (w * x[i] + b))
            b = b + learning_rate * 2 * (y[i] - (w * x[i] + b))  # with the new w
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


VARIANTS = {"no_shuffling": {"fit_linear_sgd": fit_in_order}, "reseeded_every_epoch": {"fit_linear_sgd": fit_reseeded},
            "sequential_update": {"fit_linear_sgd": fit_sequential}}
