"""Exercise 4: gradient descent with a Python list of iterates."""

import math

import numpy as np


def _all_finite(point):
    return all(math.isfinite(c) for c in point)


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    current = [float(c) for c in x0]
    path = [current]
    steps = 0
    while steps < max_steps:
        g = grad_f(np.array(current))
        nxt = [c - learning_rate * float(gi) for c, gi in zip(current, g)]
        path.append(nxt)
        steps += 1
        if not _all_finite(nxt):
            break
        # ‖Δ‖ < tol, compared on the squares (both sides are non-negative)
        moved_sq = sum((a - b) * (a - b) for a, b in zip(nxt, current))
        if moved_sq < tol * tol:
            break
        current = nxt
    return np.array(path, dtype=float)
