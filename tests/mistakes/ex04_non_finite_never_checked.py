# MISTAKE (ex04_nan_not_checked): no non-finite check at all, neither nan nor +-inf: a diverging run goes on to max_steps.
"""Exercise 4 with one deliberate mistake: the first stopping rule (a non-finite iterate) left out."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    path = [x]
    for _ in range(max_steps):
        new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        path.append(new)
        if np.linalg.norm(new - x) < tol:
            break
        x = new
    return np.array(path)
