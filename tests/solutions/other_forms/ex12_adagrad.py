"""Exercise 12 updating copies in place (G += g², w −= …) with (G + ε) ** −0.5."""

import numpy as np


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    w, G = np.array(w, dtype=float), np.array(G, dtype=float)  # copies: the caller's stay as they were
    g = np.asarray(grad, dtype=float)
    G += np.square(g)
    w -= learning_rate * g * (G + eps) ** -0.5
    return w, G
