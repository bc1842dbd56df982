"""Exercise 4, appending the same array every step and changing it in place."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.array(x0, dtype=float)
    iterates = [x]
    for _ in range(max_steps):
        step = learning_rate * np.asarray(grad_f(x), dtype=float)
        x -= step  # changes the array already in the list
        iterates.append(x)
        if not np.all(np.isfinite(x)) or np.linalg.norm(step) < tol:
            break
    return np.array(iterates)
