"""Exercise 10 (alternative solution): heavy-ball momentum update."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    w, grad, h = (np.asarray(a, dtype=float) for a in (w, grad, h))
    velocity = alpha * h + learning_rate * grad
    return w - velocity, velocity
