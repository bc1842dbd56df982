# MISTAKE (ex02_central_difference_quotient): difference_quotient returns (f(x+h) - f(x-h))/2h instead of the forward (f(x+h) - f(x))/h.
"""Exercise 2 with one deliberate mistake: the central difference where the forward one is asked."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)  # should be (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    grad = np.zeros_like(v)
    for i in range(v.size):
        e = np.zeros_like(v)
        e[i] = h
        grad[i] = (f(v + e) - f(v - e)) / (2 * h)
    return grad
