# MISTAKE (ex17_arguments_not_passed): multistart calls gradient_descent(grad_f, start): its learning_rate and max_steps are not passed on (ex04's defaults are used).
"""Exercise 17 with one deliberate mistake: the runs take ex04's defaults, not multistart's arguments."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from .ex04_gradient_descent import gradient_descent


def random_starts(n_starts: int, dim: int, eps: float, rng: np.random.Generator) -> np.ndarray:
    """Starts drawn uniformly from (−ε, ε): rng.uniform(-eps, eps, size=(n_starts, dim))."""
    return rng.uniform(-eps, eps, size=(n_starts, dim))


def multistart(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], np.ndarray],
    starts: Sequence[Sequence[float]] | np.ndarray,
    learning_rate: float = 0.01,
    max_steps: int = 1000,
) -> tuple[np.ndarray, float]:
    """Gradient descent from each start; the final iterate with the lowest f (first on ties).

    Runs that end non-finite are skipped, and so are runs whose f is nan at their finite end
    (nan is neither lower nor higher than any value, so keeping it would make the answer depend
    on the order of the starts). Returns (best_x, best_f).
    """
    best_x, best_f = None, np.inf
    for start in starts:
        final = gradient_descent(grad_f, start)[-1]  # should be gradient_descent(grad_f, start, learning_rate, max_steps)
        if not np.all(np.isfinite(final)):
            continue
        value = float(f(final))
        if np.isnan(value):
            continue
        if best_x is None or value < best_f:
            best_x, best_f = final, value
    return best_x, best_f
