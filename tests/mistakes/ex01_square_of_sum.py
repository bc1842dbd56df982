# MISTAKE (ex01_square_of_sum): sum_of_squares returns (Σ v_i)² instead of Σ v_i².
"""Exercise 1 with one deliberate mistake: the square of the sum instead of the sum of the squares."""
import numpy as np


def sum_of_squares(v):
    return float(np.sum(v) ** 2)  # should be np.sum(np.square(v))


def sum_of_squares_gradient(v):
    return 2 * np.asarray(v, dtype=float)
