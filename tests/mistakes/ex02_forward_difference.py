# MISTAKE (ex02_forward_difference): estimate_gradient uses forward (f(v+h e_i) - f(v))/h instead of central differences.
"""Exercise 2 with one deliberate mistake: forward instead of central differences."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    grad = np.zeros_like(v)
    f0 = f(v)
    for i in range(v.size):
        e = np.zeros_like(v)
        e[i] = h
        grad[i] = (f(v + e) - f0) / h  # should be (f(v + h e_i) - f(v - h e_i)) / (2h)
    return grad
