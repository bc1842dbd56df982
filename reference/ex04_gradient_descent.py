"""Exercise 4 (reference): gradient descent with stopping rules (slides)."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def gradient_descent(
    grad_f: Callable[[np.ndarray], Vector],
    x0: Vector,
    learning_rate: float = 0.1,
    max_steps: int = 1000,
    tol: float = 1e-8,
) -> np.ndarray:
    """x_k = x_{k−1} − η ∇f(x_{k−1}); every iterate, x0 first, shape (k+1, d).

    Stops after the first step with ‖x_k − x_{k−1}‖ < tol, after a step that gives a
    non-finite coordinate (that iterate included), or after max_steps steps.
    """
    x = np.asarray(x0, dtype=float)
    iterates = [x]
    for _ in range(max_steps):
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol:
            break
        x = x_next
    return np.array(iterates)
