"""Exercise 2, shifting the caller's v in place (and back, up to rounding)."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    grad = np.zeros_like(v)
    for i in range(len(v)):
        v[i] += h
        up = f(v)
        v[i] -= 2 * h
        down = f(v)
        v[i] += h
        grad[i] = (up - down) / (2 * h)
    return grad
