# MISTAKE (ex06_bias_not_updated): only w is updated; b stays at b0.
"""Exercise 6 with one deliberate mistake: the bias b is never updated."""
from .ex05_linear_regression import mse_gradient, mse_loss


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        grad_w, grad_b = mse_gradient(w, b, x, y)
        w = w - learning_rate * grad_w  # b should be updated too: b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
