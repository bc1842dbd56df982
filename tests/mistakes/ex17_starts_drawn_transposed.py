# MISTAKE (ex17_starts_drawn_transposed): random_starts draws shape (dim, n_starts) and transposes it: the right numbers, at other starts.
"""Exercise 17 with one deliberate mistake: the starts drawn a start per column."""
import numpy as np

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, size=(dim, n_starts)).T  # should be size=(n_starts, dim)


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best_x, best_f = None, None
    for x0 in starts:
        x_end = gradient_descent(grad_f, x0, learning_rate=learning_rate, max_steps=max_steps)[-1]
        if not np.all(np.isfinite(x_end)):
            continue
        fx = float(np.asarray(f(x_end), dtype=float).reshape(-1)[0])
        if not np.isfinite(fx):
            continue
        if best_f is None or fx < best_f:
            best_x, best_f = x_end, fx
    return best_x, best_f
