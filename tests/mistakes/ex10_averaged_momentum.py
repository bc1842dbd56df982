# MISTAKE (ex10_damped_momentum): h = alpha*h + (1 - alpha)*grad (an average of gradients); w - lr*h.
"""Exercise 10 with one deliberate mistake: an exponential average of the gradients as the velocity."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = alpha * np.asarray(h, dtype=float) + (1 - alpha) * np.asarray(grad, dtype=float)  # should be + lr*grad
    return np.asarray(w, dtype=float) - learning_rate * h_new, h_new
