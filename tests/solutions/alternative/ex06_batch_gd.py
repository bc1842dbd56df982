"""Exercise 6 (alternative solution): full-batch gradient descent for y ~ w x + b."""
import numpy as np

from exercises.ex05_linear_regression import mse_gradient


def _loss(w, b, x, y):
    return float(np.mean((y - (w * x + b)) ** 2))


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    history = []
    for _ in range(epochs):
        gw, gb = mse_gradient(w, b, xs, ys)
        w, b = w - learning_rate * gw, b - learning_rate * gb
        history.append(_loss(w, b, xs, ys))
    return w, b, history
