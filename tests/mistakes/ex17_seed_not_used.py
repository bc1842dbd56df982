# MISTAKE (ex17_seed_not_used): random_starts draws from a generator of its own, not the rng it is given.
"""Exercise 17 with one deliberate mistake: the rng argument is never used."""
import numpy as np

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return np.random.default_rng().uniform(-eps, eps, size=(n_starts, dim))  # should be rng.uniform(...)


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
