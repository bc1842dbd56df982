"""Exercise 4 with the iterates written into a preallocated array by a while loop and returned
as a slice of it; the step η∇f is computed first, and the stop is on its length ‖η∇f‖, which
rounds otherwise than ‖x_k − x_{k−1}‖ (equal in exact arithmetic)."""

import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.array(x0, dtype=float)
    path = np.empty((max_steps + 1, x.size))
    path[0] = x
    k = 0
    while k < max_steps:
        step = learning_rate * np.asarray(grad_f(x), dtype=float)
        x = x - step
        k += 1
        path[k] = x
        if not np.isfinite(x).all() or np.sqrt(step @ step) < tol:
            break
    return path[: k + 1]
