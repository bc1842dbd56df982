# HOSTILE: integers too large for a float: sum_of_squares returns 10**400 and the gradient [10**400] * len(v).
"""ex01_sum_of_squares answering Python ints past float's range: converting them raises OverflowError
in whoever compares them (it used to fail the grader, and with it every neighbour of a batch chunk)."""


def sum_of_squares(v):
    return 10**400


def sum_of_squares_gradient(v):
    return [10**400] * len(v)
