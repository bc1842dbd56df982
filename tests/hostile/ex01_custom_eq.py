# HOSTILE: sum_of_squares_gradient returns an object whose __eq__ always returns True and whose __array__ gives the correct values (sum_of_squares is a plain correct float).
"""ex01_sum_of_squares whose gradient object claims equality with anything."""
import numpy as np


class AlwaysEqual:
    def __init__(self, values):
        self._values = [float(t) for t in values]

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None

    def __array__(self, dtype=None, copy=None):
        return np.array(self._values, dtype=float if dtype is None else dtype)

    def __repr__(self):
        return "AlwaysEqual(%r)" % (self._values,)


def sum_of_squares(v):
    return float(sum(float(t) ** 2 for t in v))


def sum_of_squares_gradient(v):
    return AlwaysEqual(2.0 * float(t) for t in v)
