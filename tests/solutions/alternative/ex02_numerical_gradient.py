"""Exercise 2 (alternative solution): forward quotient and central-difference gradient."""
import numpy as np


def difference_quotient(f, x, h):
    return (f(x + h) - f(x)) / h


def _partial(f, base, i, h):
    up = base.copy()
    down = base.copy()
    up[i] = base[i] + h
    down[i] = base[i] - h
    return (f(up) - f(down)) / (2 * h)


def estimate_gradient(f, v, h=1e-5):
    base = np.array(v, dtype=float).reshape(-1)
    return tuple(float(np.asarray(_partial(f, base, i, h)).reshape(-1)[0])
                 for i in range(base.size))
