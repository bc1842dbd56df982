# MISTAKE (ex02_divided_by_h): estimate_gradient divides the central difference by h instead of 2h.
"""Exercise 2 with one deliberate mistake: the central difference divided by h."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    grad = np.zeros_like(v)
    for i in range(v.size):
        e = np.zeros_like(v)
        e[i] = h
        grad[i] = (f(v + e) - f(v - e)) / h  # should be / (2 * h)
    return grad
