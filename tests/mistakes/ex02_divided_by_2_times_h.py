# MISTAKE (ex02_divided_by_2_times_h): the central difference written "/ 2 * h", which divides by 2 and multiplies by h.
"""Exercise 2 with one deliberate mistake: / 2 * h where / (2 * h) is meant."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.array(v, dtype=float)
    grad = []
    for i in range(len(v)):
        e = np.zeros(len(v))
        e[i] = h
        grad.append((f(v + e) - f(v - e)) / 2 * h)  # should be / (2 * h)
    return grad
