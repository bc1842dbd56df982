# GENERIC MISTAKE (constant_factor): 4v instead of 2v.
import numpy as np


def sum_of_squares(v):
    return float(np.sum(np.asarray(v, dtype=float) ** 2))


def sum_of_squares_gradient(v):
    return 4 * np.asarray(v, dtype=float)
