# MISTAKE (ex10_velocity_without_learning_rate): torch's form h = alpha*h + grad; w - lr*h (same w, another h).
"""Exercise 10 with one deliberate mistake: the learning rate outside the velocity."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = alpha * np.asarray(h, dtype=float) + np.asarray(grad, dtype=float)  # should be + lr*grad
    return np.asarray(w, dtype=float) - learning_rate * h_new, h_new  # should be w - h_new
