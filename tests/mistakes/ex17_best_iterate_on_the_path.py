# MISTAKE (ex17_best_iterate_on_the_path): multistart keeps the best point along each path, not the final iterate.
"""Exercise 17 with one deliberate mistake: every iterate competes, not only the last."""
import numpy as np

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, size=(n_starts, dim))


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best_x, best_f = None, None
    for x0 in starts:
        for x in gradient_descent(grad_f, x0, learning_rate=learning_rate, max_steps=max_steps):  # should be [-1] only
            if not np.all(np.isfinite(x)):
                continue
            fx = float(f(x))
            if np.isfinite(fx) and (best_f is None or fx < best_f):
                best_x, best_f = x, fx
    return best_x, best_f
