"""Exercise 1's known mistakes."""

import numpy as np


def gradient_without_2(v):
    return np.asarray(v, dtype=float)


def norm(v):
    """‖v‖ = √(Σ v_i²): the length, not its square."""
    return float(np.linalg.norm(np.asarray(v, dtype=float)))


def square_of_sum(v):
    """(Σ v_i)²: the square of the sum, not the sum of the squares."""
    return float(np.sum(np.asarray(v, dtype=float)) ** 2)


def mean_of_squares(v):
    """(1/d) Σ v_i²: the mean of the squares, not their sum."""
    return float(np.mean(np.asarray(v, dtype=float) ** 2))


def gradient_squared(v):
    """[v_1², …, v_d²]: each coordinate squared (the function's terms), not differentiated to 2 v_i."""
    return np.asarray(v, dtype=float) ** 2


VARIANTS = {
    "gradient_missing_factor_2": {"sum_of_squares_gradient": gradient_without_2},
    "norm_not_squared": {"sum_of_squares": norm},
    "square_of_sum": {"sum_of_squares": square_of_sum},
    "mean_of_squares": {"sum_of_squares": mean_of_squares},
    "gradient_squared": {"sum_of_squares_gradient": gradient_squared},
}
