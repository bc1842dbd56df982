# HOSTILE: returns NaN: sum_of_squares returns nan and sum_of_squares_gradient returns [nan] * len(v).
"""ex01_sum_of_squares that answers NaN everywhere (NaN compares unequal to everything)."""
import math


def sum_of_squares(v):
    return math.nan


def sum_of_squares_gradient(v):
    return [math.nan] * len(v)
