# MISTAKE (ex12_torch_default_eps): eps defaults to 1e-10 (torch.optim.Adagrad's default) instead of the statement's 1e-8.
"""Exercise 12 with one deliberate mistake: torch's default eps."""
import numpy as np


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-10):  # should be eps=1e-8
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad * grad
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new
