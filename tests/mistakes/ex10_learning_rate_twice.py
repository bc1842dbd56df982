# MISTAKE (ex10_learning_rate_twice): h_new = alpha*h + lr*grad, then w - lr*h_new: the learning rate is applied twice.
"""Exercise 10 with one deliberate mistake: the slides' velocity (η inside h) stepped with torch's w − η·h."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = alpha * np.asarray(h, dtype=float) + learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * h_new, h_new  # should be w - h_new
