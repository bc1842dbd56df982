# MISTAKE (ex17_starts_normal): random_starts draws rng.normal(0, eps, ...) instead of rng.uniform(-eps, eps, ...).
"""Exercise 17 with one deliberate mistake: normal starts instead of uniform on (−ε, ε)."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from .ex04_gradient_descent import gradient_descent


def random_starts(n_starts: int, dim: int, eps: float, rng: np.random.Generator) -> np.ndarray:
    """Starts drawn uniformly from (−ε, ε): rng.uniform(-eps, eps, size=(n_starts, dim))."""
    return rng.normal(0, eps, size=(n_starts, dim))  # should be rng.uniform(-eps, eps, size=(n_starts, dim))


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
        final = gradient_descent(grad_f, start, learning_rate, max_steps)[-1]
        if not np.all(np.isfinite(final)):
            continue
        value = float(f(final))
        if np.isnan(value):
            continue
        if best_x is None or value < best_f:
            best_x, best_f = final, value
    return best_x, best_f
