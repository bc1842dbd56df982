# MISTAKE (ex06_loss_between_updates): the loss is recorded after b's update but before w's.
"""Exercise 6 with one deliberate mistake: losses[e] taken between the two updates."""
import numpy as np


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        r = y - (w * x + b)
        grad_w, grad_b = -2 * np.mean(x * r), -2 * np.mean(r)
        b = b - learning_rate * grad_b
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))  # should come after w's update too
        w = w - learning_rate * grad_w
    return w, b, losses
