# MISTAKE (ex10_velocity_sign_flipped): v = alpha*v - lr*grad; w + v (the velocity with the other sign).
"""Exercise 10 with one deliberate mistake: the velocity's sign."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    v = alpha * np.asarray(h, dtype=float) - learning_rate * np.asarray(grad, dtype=float)  # should be + lr*grad
    return np.asarray(w, dtype=float) + v, v  # should be w - h_new
