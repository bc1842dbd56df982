# HOSTILE: sum_of_squares_gradient returns an instance of an np.ndarray subclass holding the correct values (sum_of_squares is a plain correct float).
"""ex01_sum_of_squares whose gradient is a numpy ndarray subclass; values are correct."""
import numpy as np


class GradientArray(np.ndarray):
    """A trivial ndarray subclass with an extra attribute."""

    note = "I am not a plain ndarray"


def sum_of_squares(v):
    return float(sum(float(t) ** 2 for t in v))


def sum_of_squares_gradient(v):
    return (2.0 * np.asarray(v, dtype=float)).view(GradientArray)
