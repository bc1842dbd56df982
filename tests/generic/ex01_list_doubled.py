"""Exercise 1 with 2 * v on the vector as given: a Python list is repeated, not doubled."""


def sum_of_squares(v):
    return sum(x * x for x in v)


def sum_of_squares_gradient(v):
    return 2 * v
