"""Exercise 1 (alternative solution): sum of squares and its gradient, plain Python."""


def _items(v):
    # works for lists, tuples and 1-D numpy arrays alike
    return [float(t) for t in v]


def sum_of_squares(v):
    total = 0.0
    for t in _items(v):
        total += t * t
    return total


def sum_of_squares_gradient(v):
    out = []
    for t in _items(v):
        out.append(2.0 * t)
    return out
