"""Exercise 11 — Nesterov accelerated gradient (NAG): one update.

Nesterov's method is Momentum that first "looks ahead": it evaluates the gradient not at the
current point w but at the point the accumulated velocity is about to carry it to:

    g     = ∇Q(w − α·h)          (the look-ahead point w − α·h)
    h_new = α·h + η·g
    w_new = w − h_new

This is why the function receives the gradient FUNCTION ``grad_f`` and not a gradient value:
evaluate it at w − α·h (pass a 1-D float numpy array of shape (d,)). Evaluating the
gradient at w instead is plain Momentum and loses marks. h starts at zeros; the caller feeds
back the h_new you return.

``w`` and ``h`` come as lists of floats or 1-D numpy arrays of shape (d,); ``grad_f`` returns a
vector of shape (d,). Return (w_new, h_new), each a list, tuple or array of shape (d,).
Do not modify ``w`` or ``h`` in place; return new vectors.

Where it comes from: the Q&A on variants (qa_gd_variants_ru, question 27): first make a
preliminary step forward along the momentum (look ahead), compute the gradient at the point
after that step, then update the weights with it.

The statement also exists in Kazakh and Russian: ``grade show 11 --lang kk`` /
``grade show 11 --lang ru``. Check your work with ``grade exercise 11``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def nesterov_update(
    w: Sequence[float] | np.ndarray,
    grad_f: Callable[[np.ndarray], Sequence[float] | np.ndarray],
    h: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    alpha: float = 0.9,
) -> tuple[Sequence[float] | np.ndarray, Sequence[float] | np.ndarray]:
    """One Nesterov accelerated gradient step.

    .. math::
        g = ∇Q(w − α·h)
        h_new = α·h + η·g
        w_new = w − h_new

    Symbols: w is ``w``; ∇Q is ``grad_f``; h is ``h``; η is ``learning_rate``; α is ``alpha``.

    Args:
        w (Sequence[float] | np.ndarray): the current weights w, shape (d,).
        grad_f (Callable[[np.ndarray], Sequence[float] | np.ndarray]): the gradient ∇Q; takes a
            point of shape (d,), returns a vector of shape (d,).
        h (Sequence[float] | np.ndarray): the velocity from the previous step, shape (d,)
            (zeros before the first step).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        alpha (float, optional): the momentum coefficient α (default: 0.9).

    Returns:
        tuple: (w_new, h_new), each of shape (d,).
    """
    raise NotImplementedError(
        "Exercise 11: nesterov_update is not implemented yet — see `grade show 11`"
    )
