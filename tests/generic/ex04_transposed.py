# GENERIC MISTAKE (transposed): the iterates as columns, shape (d, k+1).
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    points = [x]
    for _ in range(max_steps):
        new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        points.append(new)
        if not np.all(np.isfinite(new)) or np.linalg.norm(new - x) < tol:
            break
        x = new
    return np.array(points).T
