# MISTAKE (ex06_sequential_update): w is updated first, then b's gradient is computed with the NEW w (not simultaneous).
"""Exercise 6 with one deliberate mistake: sequential instead of simultaneous update of w and b."""
import numpy as np


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = float(w0), float(b0)
    losses = []
    for _ in range(epochs):
        r = y - (w * x + b)
        w = w - learning_rate * (-2.0 * np.mean(x * r))
        r = y - (w * x + b)  # residual recomputed with the new w: b's gradient uses it
        b = b - learning_rate * (-2.0 * np.mean(r))
        losses.append(float(np.mean((y - (w * x + b)) ** 2)))
    return float(w), float(b), losses
