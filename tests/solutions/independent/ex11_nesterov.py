"""Exercise 11: Nesterov, the gradient taken at the look-ahead point."""

import numpy as np


def nesterov_update(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    ahead = np.array([wi - alpha * hi for wi, hi in zip(w, h)], dtype=float)
    g = [float(c) for c in grad_f(ahead)]
    h_new = [alpha * hi + learning_rate * gi for hi, gi in zip(h, g)]
    w_new = [wi - hn for wi, hn in zip(w, h_new)]
    return w_new, h_new
