# MISTAKE (ex01_gradient_missing_factor_2): sum_of_squares_gradient returns [v_i] instead of [2 v_i].
"""Exercise 1 with one deliberate mistake: the factor 2 of d(v_i^2)/dv_i is forgotten."""


def sum_of_squares(v):
    return sum(float(t) * float(t) for t in v)


def sum_of_squares_gradient(v):
    return [float(t) for t in v]  # should be 2 * v_i
