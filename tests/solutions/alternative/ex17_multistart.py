"""Exercise 17 (alternative solution): random starts and multistart gradient descent."""
import math

import numpy as np

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, size=(n_starts, dim))


def _scalar(value):
    return float(np.asarray(value, dtype=float).reshape(-1)[0])


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best = None
    best_val = math.inf
    for start in starts:
        end = gradient_descent(grad_f, start, learning_rate=learning_rate,
                               max_steps=max_steps)[-1]
        if not np.isfinite(end).all():
            continue
        val = _scalar(f(end))
        if not math.isfinite(val):
            continue
        if best is None or val < best_val:
            best, best_val = end, val
    return best, best_val
