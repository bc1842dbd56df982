# MISTAKE (ex02_all_coordinates_shifted): f(v + h) - f(v - h) shifts every coordinate instead of only the i-th (v + h e_i).
"""Exercise 2 with one deliberate mistake: all coordinates shifted at once."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    return [(f(v + h) - f(v - h)) / (2 * h) for _ in range(v.size)]  # should shift only coordinate i
