# HOSTILE: gradient_descent returns only the last iterate, shape (d,), instead of all iterates, shape (k+1, d).
"""ex04_gradient_descent with a correct descent but the wrong return shape."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.atleast_1d(np.asarray(x0, dtype=float)).copy()
    for _ in range(max_steps):
        x_new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        if not np.all(np.isfinite(x_new)):
            return x_new
        if np.linalg.norm(x_new - x) < tol:
            return x_new
        x = x_new
    return x  # should be the whole trajectory, shape (k+1, d)
