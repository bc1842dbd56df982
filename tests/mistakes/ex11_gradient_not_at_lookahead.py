# MISTAKE (ex11_gradient_not_at_lookahead): g = grad_f(w) instead of grad_f(w - alpha h) (plain momentum, no look-ahead).
"""Exercise 11 with one deliberate mistake: the gradient is taken at w, not at the look-ahead point."""
import numpy as np


def nesterov_update(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    w = np.asarray(w, dtype=float)
    h = np.asarray(h, dtype=float)
    g = np.asarray(grad_f(w), dtype=float)  # should be grad_f(w - alpha * h)
    h_new = alpha * h + learning_rate * g
    return w - h_new, h_new
