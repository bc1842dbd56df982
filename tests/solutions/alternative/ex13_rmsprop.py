"""Exercise 13 (alternative solution): RMSprop."""
import numpy as np


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    g = np.asarray(grad, dtype=float)
    G_next = alpha * np.asarray(G, dtype=float) + (1.0 - alpha) * np.square(g)
    scale = np.sqrt(G_next + eps)
    w_next = np.asarray(w, dtype=float) - learning_rate * g / scale
    return w_next, G_next
