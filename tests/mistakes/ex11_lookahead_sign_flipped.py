# MISTAKE (ex11_lookahead_sign_flipped): g = grad_f(w + alpha h) instead of grad_f(w - alpha h) (h is subtracted from w).
"""Exercise 11 with one deliberate mistake: the look-ahead point on the wrong side of w."""
import numpy as np


def nesterov_update(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    w = np.asarray(w, dtype=float)
    h = np.asarray(h, dtype=float)
    g = np.asarray(grad_f(w + alpha * h), dtype=float)  # should be grad_f(w - alpha * h)
    h_new = alpha * h + learning_rate * g
    return w - h_new, h_new
