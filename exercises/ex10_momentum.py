"""Exercise 10 — the method of moments (Momentum): one update.

Implement one step of Momentum. The velocity (inertia vector) h accumulates the gradients of
the previous steps:

    h_new = α·h + η·∇Q(w)
    w_new = w − h_new

with h_0 = 0 (the caller passes zeros before the first step and then feeds back the h_new you
return). Note that η multiplies the gradient and there is NO (1 − α) damping factor:
h_new = α·h + (1 − α)·∇Q(w) is a different method and loses marks. Do not modify ``w`` or ``h``
in place; return new vectors.

``w``, ``grad`` and ``h`` have the same shape (d,) and come as lists of floats or 1-D numpy
arrays; return (w_new, h_new), each a list, tuple or array of shape (d,). The grader loops your
rule on test functions and compares the whole trajectory.

Where it comes from: the slides (slides_gradient_descent_ru), "the method of moments
(Momentum)": h_0 = 0, h_k = α h_{k−1} + η_k ∇Q(w^(k−1)), w^(k) = w^(k−1) − h_k.

The statement also exists in Kazakh and Russian: ``grade show 10 --lang kk`` /
``grade show 10 --lang ru``. Check your work with ``grade exercise 10``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def momentum_update(
    w: Sequence[float] | np.ndarray,
    grad: Sequence[float] | np.ndarray,
    h: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    alpha: float = 0.9,
) -> tuple[Sequence[float] | np.ndarray, Sequence[float] | np.ndarray]:
    """One Momentum step.

    .. math::
        h_new = α·h + η·g
        w_new = w − h_new

    Symbols: w is ``w``; g = ∇Q(w) is ``grad``; h is ``h``; η is ``learning_rate``;
    α is ``alpha``.

    Args:
        w (Sequence[float] | np.ndarray): the current weights w, shape (d,).
        grad (Sequence[float] | np.ndarray): the gradient g = ∇Q(w) at w, shape (d,).
        h (Sequence[float] | np.ndarray): the velocity from the previous step, shape (d,)
            (zeros before the first step).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        alpha (float, optional): the momentum coefficient α (default: 0.9).

    Returns:
        tuple: (w_new, h_new), each of shape (d,).
    """
    raise NotImplementedError(
        "Exercise 10: momentum_update is not implemented yet — see `grade show 10`"
    )
