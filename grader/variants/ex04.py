"""Exercise 4's known mistakes: the reference's loop with one rule misread."""

import numpy as np

from reference.ex04_gradient_descent import gradient_descent


def ascent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    return gradient_descent(grad_f, x0, -learning_rate, max_steps, tol)


def descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8, small=lambda step, tol: np.linalg.norm(step) < tol,
            non_finite=lambda x: not np.all(np.isfinite(x)), keep_non_finite=True, gradient_stop=False):
    """gradient_descent with its stopping rules given: when a step is small enough, what is
    non-finite, whether that iterate is kept, and whether a small gradient stops it instead."""
    x = np.asarray(x0, dtype=float)
    iterates = [x]
    for _ in range(max_steps):
        gradient = np.asarray(grad_f(x), dtype=float)
        if gradient_stop and np.linalg.norm(gradient) < tol:
            break
        x_next = x - learning_rate * gradient
        if non_finite(x_next):
            if keep_non_finite:
                iterates.append(x_next)
            break
        iterates.append(x_next)
        if not gradient_stop and small(x_next - x, tol):
            break
        x = x_next
    return np.array(iterates)


def inclusive(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    return descent(grad_f, x0, learning_rate, max_steps, tol, small=lambda step, tol: np.linalg.norm(step) <= tol)


def max_norm(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    return descent(grad_f, x0, learning_rate, max_steps, tol, small=lambda step, tol: np.max(np.abs(step)) < tol)


def non_finite_dropped(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    return descent(grad_f, x0, learning_rate, max_steps, tol, keep_non_finite=False)


def only_inf_checked(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    with np.errstate(invalid="ignore"):
        return descent(grad_f, x0, learning_rate, max_steps, tol, non_finite=lambda x: bool(np.any(np.isinf(x))))


def never_checked(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    """No non-finite check at all: a diverging run goes on to max_steps (inf, then nan)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return descent(grad_f, x0, learning_rate, max_steps, tol, non_finite=lambda x: False)


def gradient_norm_stop(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    return descent(grad_f, x0, learning_rate, max_steps, tol, gradient_stop=True)


VARIANTS = {
    "gradient_ascent": {"gradient_descent": ascent},
    "tolerance_inclusive": {"gradient_descent": inclusive},
    "non_finite_iterate_dropped": {"gradient_descent": non_finite_dropped},
    "nan_not_checked": {"gradient_descent": only_inf_checked},
    "nan_not_checked/never_checked": {"gradient_descent": never_checked},  # neither nan nor ±inf
    "gradient_norm_stop": {"gradient_descent": gradient_norm_stop},
    "max_norm": {"gradient_descent": max_norm},
}
