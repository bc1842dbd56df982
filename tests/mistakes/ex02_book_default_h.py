# MISTAKE (ex02_book_default_h): estimate_gradient's default step is h = 0.0001 (the textbook's value) instead of the statement's h = 1e-5.
"""Exercise 2 with one deliberate mistake: the default h copied from the book."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=0.0001):  # should be h=1e-5
    v = np.asarray(v, dtype=float)
    grad = np.zeros_like(v)
    for i in range(v.size):
        e = np.zeros_like(v)
        e[i] = h
        grad[i] = (f(v + e) - f(v - e)) / (2 * h)
    return grad
