"""Exercise 4 — gradient descent: the whole loop, with stopping rules.

Implement ``gradient_descent``: start at x_0 = x0 and repeat the descent step

    x_k = x_{k−1} − η ∇f(x_{k−1}),   k = 1, 2, …

(η = ``learning_rate``, ∇f = ``grad_f``). Record every iterate and return them all, x0 FIRST,
stacked as a float numpy array of shape (k+1, d), where k is the number of steps taken and
d = len(x0): row 0 is x0, row j is x_j, the last row is the final iterate.

The loop stops right after step k when the FIRST of these happens (the iterate of that step is
kept in the result):

  1. the step gave a non-finite coordinate: some x_k[i] is nan or ±inf (keep that iterate and
     stop, do not step again from it);
  2. the step was tiny: ‖x_k − x_{k−1}‖ < tol, with the Euclidean norm
     ‖u‖ = √(Σ u_i²) (the test is strict: <, not ≤);
  3. k = max_steps steps have been taken.

So the result has at most max_steps + 1 rows, and at least 2 when max_steps ≥ 1 (x0 itself is
never tested against tol). ``x0`` comes as a list of floats or a 1-D numpy array of shape (d,);
``grad_f`` takes a 1-D float array of shape (d,) and returns a vector of shape (d,). Descent
means MINUS the gradient — a plus sign climbs the function.

Where it comes from: the slides (slides_gradient_descent_ru), "the gradient descent method"
w^(k) = w^(k−1) − η∇Q(w^(k−1)) and the stopping criterion ‖w^(k) − w^(k−1)‖ < ε; the Kazakh
slides show it on x² + 4x + 5 and on a 2-D quadratic with its minimum at (3, −2).

The statement also exists in Kazakh and Russian: ``grade show 4 --lang kk`` /
``grade show 4 --lang ru``. Check your work with ``grade exercise 4``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def gradient_descent(
    grad_f: Callable[[np.ndarray], Sequence[float] | np.ndarray],
    x0: Sequence[float] | np.ndarray,
    learning_rate: float = 0.1,
    max_steps: int = 1000,
    tol: float = 1e-8,
) -> np.ndarray:
    """Run gradient descent from ``x0`` and return the whole trajectory.

    .. math::
        x_k = x_{k−1} − η ∇f(x_{k−1}),   k = 1, 2, …

    Stops after the first step with a non-finite coordinate (that iterate included), after
    the first step with ‖x_k − x_{k−1}‖ < tol, or after ``max_steps`` steps.

    Symbols: ∇f is ``grad_f``; x_0 is ``x0``; η is ``learning_rate``; ε (tol) is ``tol``;
    the maximum k is ``max_steps``.

    Args:
        grad_f (Callable[[np.ndarray], Sequence[float] | np.ndarray]): the gradient ∇f; takes
            a point of shape (d,) and returns a vector of shape (d,).
        x0 (Sequence[float] | np.ndarray): the starting point x_0, shape (d,).
        learning_rate (float, optional): the learning rate η (default: 0.1).
        max_steps (int, optional): the largest number of steps k (default: 1000).
        tol (float, optional): stop once ‖x_k − x_{k−1}‖ < tol, Euclidean norm
            (default: 1e-8).

    Returns:
        np.ndarray: float array of shape (k+1, d): x_0, x_1, …, x_k, x0 first, where k is the
        number of steps taken (1 ≤ k ≤ max_steps).
    """
    raise NotImplementedError(
        "Exercise 4: gradient_descent is not implemented yet — see `grade show 4`"
    )
