# MISTAKE (ex04_non_finite_iterate_dropped): the iterate that went non-finite is not appended.
"""Exercise 4 with one deliberate mistake: the run ends without its non-finite iterate."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.atleast_1d(np.asarray(x0, dtype=float)).copy()
    iterates = [x.copy()]
    for _ in range(max_steps):
        x_new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        if not np.all(np.isfinite(x_new)):
            break  # should append x_new first
        iterates.append(x_new)
        if np.linalg.norm(x_new - x) < tol:
            break
        x = x_new
    return np.array(iterates)
