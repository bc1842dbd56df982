"""Exercise 4 whose loop ignores max_steps (while True, stopped only by tol or 20000 iterates): too many rows."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    xs = [x]
    while True:
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        xs.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol or len(xs) > 20000:
            break
        x = x_next
    return np.array(xs)
