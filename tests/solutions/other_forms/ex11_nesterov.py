"""Exercise 11 stepping from the look-ahead point: w_new = (w − αh) − ηg, which rounds
otherwise than w − (αh + ηg)."""

import numpy as np


def nesterov_update(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    carried = alpha * np.asarray(h, dtype=float)
    ahead = np.asarray(w, dtype=float) - carried
    g = np.asarray(grad_f(ahead), dtype=float)
    return ahead - learning_rate * g, carried + learning_rate * g
