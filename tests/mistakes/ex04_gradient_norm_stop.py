# MISTAKE (ex04_gradient_norm_stop): stops when ||grad f(x)|| < tol instead of comparing the step.
"""Exercise 4 with one deliberate mistake: the gradient's norm as the stopping rule."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.atleast_1d(np.asarray(x0, dtype=float)).copy()
    iterates = [x.copy()]
    for _ in range(max_steps):
        gradient = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(gradient) < tol:  # should be ||x_new - x|| < tol, after the step
            break
        x_new = x - learning_rate * gradient
        iterates.append(x_new)
        if not np.all(np.isfinite(x_new)):
            break
        x = x_new
    return np.array(iterates)
