# MISTAKE (ex10_step_with_old_velocity): w_new = w - h with the old h, then h_new = alpha*h + lr*grad (the lines swapped).
"""Exercise 10 with one deliberate mistake: the step uses the velocity that came in."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    w, h = np.asarray(w, dtype=float), np.asarray(h, dtype=float)
    w_new = w - h  # should come after h_new, and be w - h_new
    h_new = alpha * h + learning_rate * np.asarray(grad, dtype=float)
    return w_new, h_new
