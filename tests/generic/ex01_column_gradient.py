# GENERIC MISTAKE (extra_dimension): the gradient as a column, shape (d, 1).
import numpy as np


def sum_of_squares(v):
    return float(np.sum(np.asarray(v, dtype=float) ** 2))


def sum_of_squares_gradient(v):
    return 2 * np.asarray(v, dtype=float).reshape(-1, 1)
