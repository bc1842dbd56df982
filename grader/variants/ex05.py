"""Exercise 5's known mistakes."""

import numpy as np


def _residual(w, b, x, y):
    x = np.asarray(x, dtype=float)
    return x, np.asarray(y, dtype=float) - (w * x + b)


def gradient_without_2(w, b, x, y):
    x, r = _residual(w, b, x, y)
    return float(-np.mean(x * r)), float(-np.mean(r))


def gradient_with_sums(w, b, x, y):
    x, r = _residual(w, b, x, y)
    return float(-2 * np.sum(x * r)), float(-2 * np.sum(r))


def loss_with_sum(w, b, x, y):
    _, r = _residual(w, b, x, y)
    return float(np.sum(r**2))


VARIANTS = {
    "gradient_missing_factor_2": {"mse_gradient": gradient_without_2},
    "sum_instead_of_mean": {"mse_gradient": gradient_with_sums, "mse_loss": loss_with_sum},
}
