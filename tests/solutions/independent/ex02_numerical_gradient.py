"""Exercise 2: forward quotient; central-difference gradient, one coordinate at a time."""

import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def _shifted(point, i, delta):
    moved = np.array(point, dtype=float)  # a fresh copy: v itself is never touched
    moved[i] += delta
    return moved


def estimate_gradient(f, v, h=1e-5):
    base = [float(c) for c in v]
    partials = []
    for i in range(len(base)):
        ahead = f(_shifted(base, i, h))
        behind = f(_shifted(base, i, -h))
        partials.append((ahead - behind) / (2 * h))
    return tuple(partials)
