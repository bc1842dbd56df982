"""Exercise 5: MSE and its gradient with explicit sums over the samples."""

import math


def _residuals(w, b, x, y):
    return [float(yi) - (w * float(xi) + b) for xi, yi in zip(x, y)]


def mse_loss(w, b, x, y):
    r = _residuals(w, b, x, y)
    return math.fsum(ri * ri for ri in r) / len(r)


def mse_gradient(w, b, x, y):
    r = _residuals(w, b, x, y)
    n = len(r)
    dw = -2.0 * math.fsum(float(xi) * ri for xi, ri in zip(x, r)) / n
    db = -2.0 * math.fsum(r) / n
    return dw, db
