# MISTAKE (ex10_damped_momentum): h_new = alpha*h + (1 - alpha)*grad; w - h_new (the statement's "different method", as written there: no lr at all).
"""Exercise 10 with one deliberate mistake: the (1 - alpha) form that the statement warns about, taken literally."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    w = np.asarray(w, dtype=float)
    grad = np.asarray(grad, dtype=float)
    h = np.asarray(h, dtype=float)
    h_new = alpha * h + (1 - alpha) * grad  # should be alpha*h + lr*grad
    return w - h_new, h_new
