# MISTAKE (ex01_norm_not_squared): sum_of_squares returns the norm sqrt(Σ v_i²) instead of Σ v_i².
"""Exercise 1 with one deliberate mistake: the length of v instead of its square."""
import numpy as np


def sum_of_squares(v):
    return float(np.linalg.norm(v))  # should be np.dot(v, v)


def sum_of_squares_gradient(v):
    return [2 * float(t) for t in v]
