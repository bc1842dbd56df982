"""Exercise 17 — random initialisation and multistart.

Gradient descent finds the minimum its starting point leads to: f(x) = x⁴ − 3x² + x has a
local minimum near x ≈ 1.13 and the global one near x ≈ −1.30. Multistart runs the descent
from several random starting points and keeps the best result. Implement two functions.

``random_starts(n_starts, dim, eps, rng)`` — small random initial points
w_j = random(−ε, ε). RNG protocol (it decides full marks): make EXACTLY ONE draw,

    rng.uniform(-eps, eps, size=(n_starts, dim))

and return it: a float array of shape (n_starts, dim), one start per row. Do not create your own
generator and do not draw anything else from ``rng`` (no seeding, no loop of other calls, no
``np.random.uniform``).

``multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000)`` — for each start, in row
order, run YOUR exercise 4

    from .ex04_gradient_descent import gradient_descent
    traj = gradient_descent(grad_f, start, learning_rate=learning_rate, max_steps=max_steps)

(default tol = 1e-8) and take its final iterate x = traj[-1]. Skip runs that end non-finite (a
nan or ±inf coordinate in x). Among the others return the one with the SMALLEST f(x) — on ties
the first in order (compare with a strict <) — as (best_x, best_f): best_x a vector of shape
(dim,), best_f = f(best_x) a float. Picking the largest f loses marks. ``multistart`` itself
draws no random numbers: ``starts`` is an array of shape (n_starts, dim) (for example from
``random_starts``) or a list of vectors.

Where it comes from: the slides (slides_gradient_descent_ru), "weight initialisation
options": w_j := random(−ε, ε) and multistart — repeated runs from different random initial
approximations, choosing the best solution; the Q&A on gradient descent
(qa_gradient_descent_ru, questions 16 and 20): local versus global minimum, restarting with
different initialisations.

The statement also exists in Kazakh and Russian: ``grade show 17 --lang kk`` /
``grade show 17 --lang ru``. Check your work with ``grade exercise 17``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def random_starts(n_starts: int, dim: int, eps: float, rng: np.random.Generator) -> np.ndarray:
    """Random initial points, uniform in the box (−ε, ε)^dim.

    .. math:: starts[s, j] = random(−ε, ε),   s < n_starts, j < dim

    drawn as ``rng.uniform(-eps, eps, size=(n_starts, dim))`` in one call.

    Symbols: ε is ``eps``; ``rng`` is the generator to draw from.

    Args:
        n_starts (int): the number of starting points.
        dim (int): the dimension d of each point.
        eps (float): the half-width ε > 0 of the interval.
        rng (np.random.Generator): the generator; exactly one ``rng.uniform`` call is made.

    Returns:
        np.ndarray: float array of shape (n_starts, dim), one start per row.
    """
    raise NotImplementedError(
        "Exercise 17: random_starts is not implemented yet — see `grade show 17`"
    )


def multistart(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], Sequence[float] | np.ndarray],
    starts: Sequence[Sequence[float]] | np.ndarray,
    learning_rate: float = 0.01,
    max_steps: int = 1000,
) -> tuple[Sequence[float] | np.ndarray, float]:
    """Run gradient descent (exercise 4) from every start and keep the best final point.

    .. math::
        x^(s) = last row of gradient_descent(∇f, start_s, η, max_steps),  s = 1, …, S
        best = argmin_s f(x^(s))   (first on ties; runs ending non-finite skipped)

    Symbols: f is ``f``; ∇f is ``grad_f``; start_s is ``starts[s]``; η is ``learning_rate``;
    S is ``len(starts)``.

    Args:
        f (Callable[[np.ndarray], float]): the function f to minimise; takes a point of shape
            (dim,).
        grad_f (Callable[[np.ndarray], Sequence[float] | np.ndarray]): its gradient ∇f.
        starts (Sequence[Sequence[float]] | np.ndarray): the starting points, shape
            (n_starts, dim).
        learning_rate (float, optional): the learning rate η of every run (default: 0.01).
        max_steps (int, optional): the step limit of every run (default: 1000).

    Returns:
        tuple: (best_x, best_f) — the final iterate with the lowest f, shape (dim,), and
        f(best_x) as a float.
    """
    raise NotImplementedError(
        "Exercise 17: multistart is not implemented yet — see `grade show 17`"
    )
