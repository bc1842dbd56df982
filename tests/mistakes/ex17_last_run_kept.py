# MISTAKE (ex17_last_run_kept): multistart keeps every finite run's end in turn: the last run wins, not the best.
"""Exercise 17 with one deliberate mistake: the runs are never compared."""
import numpy as np

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, size=(n_starts, dim))


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best_x, best_f = None, None
    for x0 in starts:
        x_end = gradient_descent(grad_f, x0, learning_rate=learning_rate, max_steps=max_steps)[-1]
        if not np.all(np.isfinite(x_end)):
            continue
        fx = float(np.asarray(f(x_end), dtype=float).reshape(-1)[0])
        if not np.isfinite(fx):
            continue
        best_x, best_f = x_end, fx  # should be kept only if fx < best_f
    return best_x, best_f
