# MISTAKE (ex06_initial_values_ignored): w and b start at 0.0 whatever w0 and b0 are given.
"""Exercise 6 with one deliberate mistake: the start (w0, b0) is ignored."""
from .ex05_linear_regression import mse_gradient, mse_loss


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    w, b = 0.0, 0.0  # should be w0, b0
    losses = []
    for _ in range(epochs):
        grad_w, grad_b = mse_gradient(w, b, x, y)
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
