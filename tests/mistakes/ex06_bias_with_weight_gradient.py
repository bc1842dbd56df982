# MISTAKE (ex06_bias_with_weight_gradient): b is updated with the weight's gradient, b - lr * grad_w (w's line copied).
"""Exercise 6 with one deliberate mistake: the bias steps along dL/dw instead of dL/db."""
from .ex05_linear_regression import mse_gradient, mse_loss


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        grad_w, grad_b = mse_gradient(w, b, x, y)
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_w  # should be grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses
