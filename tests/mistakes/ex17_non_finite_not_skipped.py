# MISTAKE (ex17_non_finite_not_skipped): diverged runs are compared like the others.
"""Exercise 17 with one deliberate mistake: non-finite runs not skipped."""
import numpy as np

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, size=(n_starts, dim))


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best_x, best_f = None, np.inf
    for start in starts:
        final = gradient_descent(grad_f, start, learning_rate, max_steps)[-1]
        value = float(f(final))  # should skip a final with inf or nan first
        if best_x is None or value < best_f:
            best_x, best_f = final, value
    return best_x, best_f
