"""Exercise 10, returning the new point and velocity stacked in one array."""

import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    velocity = np.multiply(alpha, h) + np.multiply(learning_rate, grad)
    return np.stack([np.subtract(w, velocity), velocity])
