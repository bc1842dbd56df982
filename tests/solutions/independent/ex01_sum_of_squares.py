"""Exercise 1, written with plain Python floats."""

import math


def sum_of_squares(v):
    return math.fsum(float(c) * float(c) for c in v)


def sum_of_squares_gradient(v):
    return [2.0 * float(c) for c in v]
