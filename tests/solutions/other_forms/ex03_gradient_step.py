"""Exercise 3 in plain Python: a tuple built with map and the operator module."""

import operator


def gradient_step(v, gradient, step_size):
    return tuple(map(operator.add, v, (step_size * g for g in gradient)))
