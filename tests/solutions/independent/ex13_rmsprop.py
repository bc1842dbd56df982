"""Exercise 13: RMSprop, the moving average written as G + (1 − α)(g² − G)."""

import math


def rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    G_new = []
    w_new = []
    for wi, gi, Gi in zip(w, grad, G):
        Gn = Gi + (1.0 - alpha) * (gi * gi - Gi)
        G_new.append(Gn)
        w_new.append(wi - learning_rate * gi / math.sqrt(Gn + eps))
    return w_new, G_new
