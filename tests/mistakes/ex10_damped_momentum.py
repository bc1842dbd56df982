# MISTAKE (ex10_damped_momentum): h_new = alpha*h + (1 - alpha)*lr*grad (a (1 - alpha) damping that the lecture's rule does not have).
"""Exercise 10 with one deliberate mistake: momentum damped by (1 - alpha)."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    h = np.asarray(h, dtype=float)
    h_new = alpha * h + (1 - alpha) * learning_rate * grad  # should be alpha*h + lr*grad
    return w - h_new, h_new
