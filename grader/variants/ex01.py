"""Exercise 1's known mistakes."""

import numpy as np


def gradient_without_2(v):
    return np.asarray(v, dtype=float)


VARIANTS = {"gradient_missing_factor_2": {"sum_of_squares_gradient": gradient_without_2}}
