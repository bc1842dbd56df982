# MISTAKE (ex04_max_norm): the stopping rule measures the step by its largest coordinate, not the Euclidean norm.
"""Exercise 4 with one deliberate mistake: max|x_k - x_{k-1}| < tol instead of ||x_k - x_{k-1}|| < tol."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.atleast_1d(np.asarray(x0, dtype=float)).copy()
    iterates = [x.copy()]
    for _ in range(max_steps):
        x_new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_new)
        if not np.all(np.isfinite(x_new)):
            break
        if np.max(np.abs(x_new - x)) < tol:  # should be np.linalg.norm(x_new - x) < tol
            break
        x = x_new
    return np.array(iterates)
