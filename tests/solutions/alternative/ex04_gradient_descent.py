"""Exercise 4 (alternative solution): gradient descent returning every iterate."""
import math

import numpy as np


def _dist(a, b):
    return math.sqrt(sum((p - q) * (p - q) for p, q in zip(a.tolist(), b.tolist())))


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    current = np.atleast_1d(np.array(x0, dtype=float)).reshape(-1)
    path = [current.copy()]
    steps = 0
    with np.errstate(over="ignore", invalid="ignore"):
        while steps < max_steps:
            g = np.asarray(grad_f(current), dtype=float).reshape(current.shape)
            nxt = current - learning_rate * g
            steps += 1
            path.append(nxt)
            if not np.all(np.isfinite(nxt)):
                break
            if _dist(nxt, current) < tol:
                break
            current = nxt
    return np.vstack(path)
