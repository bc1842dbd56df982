# MISTAKE (ex06_loss_before_update): the loss is recorded before each epoch's update.
"""Exercise 6 with one deliberate mistake: losses[e] taken before the update."""
import numpy as np


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        r = y - (w * x + b)
        losses.append(float(np.mean(r**2)))  # should come after the update
        w, b = w + learning_rate * 2 * np.mean(x * r), b + learning_rate * 2 * np.mean(r)
    return w, b, losses
