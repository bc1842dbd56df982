# MISTAKE (ex04_nan_not_checked): only +-inf ends the run (np.isinf), a nan does not.
"""Exercise 4 with one deliberate mistake: np.isinf where np.isfinite is meant."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.atleast_1d(np.asarray(x0, dtype=float)).copy()
    iterates = [x.copy()]
    for _ in range(max_steps):
        x_new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_new)
        if np.any(np.isinf(x_new)):  # should be: not np.all(np.isfinite(x_new))
            break
        if np.linalg.norm(x_new - x) < tol:
            break
        x = x_new
    return np.array(iterates)
