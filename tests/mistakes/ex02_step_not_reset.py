# MISTAKE (ex02_step_not_reset): the step vector is made once, before the loop: step[i] = h leaves h in the coordinates before i, so v + step is not v + h e_i.
"""Exercise 2 with one deliberate mistake: the step vector not reset for each coordinate."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def estimate_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    gradient = np.zeros(v.size)
    step = np.zeros(v.size)  # should be made anew inside the loop
    for i in range(v.size):
        step[i] = h
        gradient[i] = (f(v + step) - f(v - step)) / (2 * h)
    return gradient
