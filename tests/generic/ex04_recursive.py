"""Exercise 4 as a recursion, one call per step: right, but 1000 steps go deeper than Python allows (RecursionError)."""
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    def go(x, k, acc):
        if k == max_steps:
            return acc
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        acc.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol:
            return acc
        return go(x_next, k + 1, acc)
    x = np.asarray(x0, dtype=float)
    return np.array(go(x, 0, [x]))
