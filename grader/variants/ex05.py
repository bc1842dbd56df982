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


def loss_halved(w, b, x, y):
    """L = (1/2n) Σ r²: the ½ of another course's convention."""
    _, r = _residual(w, b, x, y)
    return float(np.mean(r**2) / 2)


def gradient_w_without_x(w, b, x, y):
    """∂L/∂w = −2 mean(r): the chain rule's factor x_i is missing."""
    _, r = _residual(w, b, x, y)
    return float(-2 * np.mean(r)), float(-2 * np.mean(r))


def loss_rmse(w, b, x, y):
    """√((1/n) Σ r²): the root mean squared error, not its square."""
    _, r = _residual(w, b, x, y)
    return float(np.sqrt(np.mean(r**2)))


def loss_mae(w, b, x, y):
    """(1/n) Σ |r_i|: the mean absolute error, not the mean of the squares."""
    _, r = _residual(w, b, x, y)
    return float(np.mean(np.abs(r)))


def gradient_w_product_of_means(w, b, x, y):
    """∂L/∂w = −2 mean(x) mean(r): the mean of the product x_i r_i split into two means."""
    x, r = _residual(w, b, x, y)
    return float(-2 * np.mean(x) * np.mean(r)), float(-2 * np.mean(r))


def gradient_b_with_x(w, b, x, y):
    """∂L/∂b = −2 mean(x r): ∂L/∂w's line copied for b, its x_i kept."""
    x, r = _residual(w, b, x, y)
    return float(-2 * np.mean(x * r)), float(-2 * np.mean(x * r))


def loss_square_of_mean(w, b, x, y):
    """(mean r)²: the square of the mean residual, not the mean of the squares."""
    _, r = _residual(w, b, x, y)
    return float(np.mean(r) ** 2)


def loss_over_n_minus_1(w, b, x, y):
    """L = (1/(n − 1)) Σ r²: the sample variance's n − 1 where the mean divides by n."""
    _, r = _residual(w, b, x, y)
    return float(np.sum(r**2) / (r.size - 1))


def gradient_over_n_minus_1(w, b, x, y):
    """(−2/(n − 1)) (Σ x_i r_i, Σ r_i): the sample variance's n − 1 where the mean divides by n."""
    x, r = _residual(w, b, x, y)
    return float(-2 * np.sum(x * r) / (r.size - 1)), float(-2 * np.sum(r) / (r.size - 1))


VARIANTS = {
    "gradient_missing_factor_2": {"mse_gradient": gradient_without_2},
    "sum_instead_of_mean": {"mse_gradient": gradient_with_sums, "mse_loss": loss_with_sum},
    "loss_halved": {"mse_loss": loss_halved},
    "gradient_w_missing_x": {"mse_gradient": gradient_w_without_x},
    "loss_rmse": {"mse_loss": loss_rmse},
    "loss_mae": {"mse_loss": loss_mae},
    "gradient_w_product_of_means": {"mse_gradient": gradient_w_product_of_means},
    "gradient_b_with_x": {"mse_gradient": gradient_b_with_x},
    "loss_square_of_mean": {"mse_loss": loss_square_of_mean},
    "divided_by_n_minus_1": {"mse_loss": loss_over_n_minus_1, "mse_gradient": gradient_over_n_minus_1},
}
