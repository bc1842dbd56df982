# MISTAKE (ex11_update_from_lookahead): w_new = (w - alpha h) - h_new: the step starts at the look-ahead point, not at w.
"""Exercise 11 with one deliberate mistake: the update is applied to the look-ahead point."""
import numpy as np


def nesterov_update(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    w = np.asarray(w, dtype=float)
    h = np.asarray(h, dtype=float)
    w_ahead = w - alpha * h
    h_new = alpha * h + learning_rate * np.asarray(grad_f(w_ahead), dtype=float)
    return w_ahead - h_new, h_new  # should be w - h_new
