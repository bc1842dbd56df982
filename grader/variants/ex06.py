"""Exercise 6's known mistakes."""

import numpy as np

from reference.ex05_linear_regression import mse_gradient, mse_loss
from reference.ex06_batch_gd import fit_linear_batch


def fit_sequential(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        w = w - learning_rate * mse_gradient(w, b, x, y)[0]
        b = b - learning_rate * mse_gradient(w, b, x, y)[1]
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def fit_loss_before(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        losses.append(mse_loss(w, b, x, y))  # before this epoch's update
        grad_w, grad_b = mse_gradient(w, b, x, y)
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
    return w, b, losses


def fit_from_zero(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    """w, b = 0.0, 0.0 whatever w0 and b0 are."""
    return fit_linear_batch(x, y, learning_rate, epochs)


def fit_w_only(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    """w ← w − η ∂L/∂w each epoch; b stays b0."""
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        w = w - learning_rate * mse_gradient(w, b, x, y)[0]
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def fit_bias_with_grad_w(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    """b ← b − η ∂L/∂w: the bias moved by the weight's gradient (a copy-paste of w's line)."""
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        grad_w, _ = mse_gradient(w, b, x, y)
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_w
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def fit_gradient_divided_by_n(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    """w ← w − η ∂L/∂w / n: mse_gradient's mean divided by n once more (a step n times too small)."""
    w, b, losses, n = float(w0), float(b0), [], len(x)
    for _ in range(epochs):
        grad_w, grad_b = mse_gradient(w, b, x, y)
        w, b = w - learning_rate * grad_w / n, b - learning_rate * grad_b / n
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses



def fit_loss_between_updates(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    """losses[e] = L(w_e, b_{e+1}): the loss taken after b's update but before w's (w, b as the reference's)."""
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        grad_w, grad_b = mse_gradient(w, b, x, y)
        b = b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
        w = w - learning_rate * grad_w
    return w, b, losses


def fit_ascent(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    """(w, b) ← (w, b) + η ∇L(w, b): mse_gradient's (−2 mean(x r), −2 mean(r)) added, as if its
    minus already made it a descent direction (the SGD form w + 2η x_i r_i takes r, not ∇L)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return fit_linear_batch(x, y, -learning_rate, epochs, w0, b0)


VARIANTS = {
    "sequential_update": {"fit_linear_batch": fit_sequential},
    "loss_before_update": {"fit_linear_batch": fit_loss_before},
    "initial_values_ignored": {"fit_linear_batch": fit_from_zero},
    "bias_not_updated": {"fit_linear_batch": fit_w_only},
    "bias_with_weight_gradient": {"fit_linear_batch": fit_bias_with_grad_w},
    "lr_divided_by_n": {"fit_linear_batch": fit_gradient_divided_by_n},
    "loss_between_updates": {"fit_linear_batch": fit_loss_between_updates},
    "gradient_ascent": {"fit_linear_batch": fit_ascent},
}
