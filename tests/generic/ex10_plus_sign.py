# GENERIC MISTAKE (diverged): w + h_new, climbing the function until it overflows.
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = alpha * np.asarray(h, dtype=float) + learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) + 1e3 * h_new, h_new
