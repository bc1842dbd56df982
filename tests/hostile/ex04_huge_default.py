# HOSTILE: a default max_steps of 10**4000, a 4,001-digit integer that a message would quote whole.
"""ex04_gradient_descent whose max_steps defaults to 10**4000 (its loops stop by tol, one test
fails: the run that should end at 1000 steps goes on). Named, the default would be a
4,300-character message on the terminal, in the reports and on Gradescope."""

import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=10**4000, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    iterates = [x]
    steps = 0
    while steps < max_steps:
        steps += 1
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol:
            break
        x = x_next
    return np.array(iterates)
