"""Exercise 2's known mistakes."""

import numpy as np

from reference.ex02_numerical_gradient import estimate_gradient


def forward_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    base = f(v)
    return np.array([(f(v + h * np.eye(v.size)[i]) - base) / h for i in range(v.size)])


def central_quotient(f, x, h):
    """(f(x + h) − f(x − h)) / 2h where the forward quotient is asked."""
    return (f(x + h) - f(x - h)) / (2 * h)


def central_over_h(f, v, h=1e-5):
    """(f(v + h e_i) − f(v − h e_i)) / h: the 2 of 2h is missing (twice the central
    difference, to the last bit: dividing by 2h or by h and halving round alike)."""
    return 2 * estimate_gradient(f, v, h)


def divided_by_2_times_h(f, v, h=1e-5):
    """(f(v + h e_i) − f(v − h e_i)) / 2 * h: Python divides by 2, then multiplies by h (h²
    times the central difference)."""
    v = np.asarray(v, dtype=float)
    gradient = np.zeros(v.size)
    for i in range(v.size):
        shift = np.zeros(v.size)
        shift[i] = h
        gradient[i] = (f(v + shift) - f(v - shift)) / 2 * h
    return gradient


def all_shifted(f, v, h=1e-5):
    """(f(v + h) − f(v − h)) / 2h for every i: every coordinate shifted, not only the i-th."""
    v = np.asarray(v, dtype=float)
    return np.full(v.size, (f(v + h) - f(v - h)) / (2 * h))


def book_default_h(f, v, h=1e-4):
    """The central difference with the default h = 0.0001 of the textbook's estimate_gradient."""
    return estimate_gradient(f, v, h)



def step_not_reset(f, v, h=1e-5):
    """step = 0 made once before the loop: step[i] = h leaves h in coordinates 0…i−1, so the
    i-th quotient shifts v by h (e_0 + … + e_i), not by h e_i."""
    v = np.asarray(v, dtype=float)
    gradient = np.zeros(v.size)
    step = np.zeros(v.size)
    for i in range(v.size):
        step[i] = h
        gradient[i] = (f(v + step) - f(v - step)) / (2 * h)
    return gradient


def forward_quotient_over_2h(f, x, h):
    """(f(x + h) − f(x)) / 2h: the forward difference divided by the central one's 2h."""
    return (f(x + h) - f(x)) / (2 * h)


def backward_quotient(f, x, h):
    """(f(x) − f(x − h)) / h: the backward difference where the forward one is asked."""
    return (f(x) - f(x - h)) / h


def backward_gradient(f, v, h=1e-5):
    """(f(v) − f(v − h e_i)) / h: the backward difference where the central one is asked."""
    v = np.asarray(v, dtype=float)
    base = f(v)
    return np.array([(base - f(v - h * np.eye(v.size)[i])) / h for i in range(v.size)])


VARIANTS = {
    "forward_difference": {"estimate_gradient": forward_gradient},
    "central_difference_quotient": {"difference_quotient": central_quotient},
    "divided_by_h": {"estimate_gradient": central_over_h},
    "divided_by_2_times_h": {"estimate_gradient": divided_by_2_times_h},
    "all_coordinates_shifted": {"estimate_gradient": all_shifted},
    "book_default_h": {"estimate_gradient": book_default_h},
    "step_not_reset": {"estimate_gradient": step_not_reset},
    "forward_quotient_over_2h": {"difference_quotient": forward_quotient_over_2h},
    "backward_difference": {"difference_quotient": backward_quotient, "estimate_gradient": backward_gradient},
}
