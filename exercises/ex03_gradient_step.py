"""Exercise 3 — one step along the gradient (the lecture's ``gradient_step``).

Implement

    gradient_step(v, gradient, step_size) = v + step_size · gradient

coordinate by coordinate: [v_1 + s·g_1, …, v_d + s·g_d]. This is exactly the lecture's code:
the function moves ``step_size`` ALONG the gradient. Gradient descent is obtained by passing a
negative step_size, step_size = −η:

    v_new = v_old − η ∇f(v)  =  gradient_step(v_old, ∇f(v_old), −η)

so do not put a minus sign inside the function. ``v`` and ``gradient`` have the same length d
and come as lists of floats or 1-D numpy arrays; you may return a list, a tuple or an array of
shape (d,).

Where it comes from: lecture 6 (lecture6_kk), section "choosing the step (step size or learning
rate)", which gives v_new = v_old − η∇f(v) and the Python function ``gradient_step``.

The statement also exists in Kazakh and Russian: ``grade show 3 --lang kk`` /
``grade show 3 --lang ru``. Check your work with ``grade exercise 3``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def gradient_step(
    v: Sequence[float] | np.ndarray,
    gradient: Sequence[float] | np.ndarray,
    step_size: float,
) -> Sequence[float] | np.ndarray:
    """Move ``step_size`` along ``gradient`` from ``v``.

    .. math:: v_new = v + s · g

    Symbols: v is ``v``; g is ``gradient``; s is ``step_size`` (s = −η for a descent step).

    Args:
        v (Sequence[float] | np.ndarray): the current point v, shape (d,).
        gradient (Sequence[float] | np.ndarray): the direction g (usually ∇f(v)), shape (d,).
        step_size (float): the signed step s; negative for descent, positive for ascent.

    Returns:
        Sequence[float] | np.ndarray: v + s·g, shape (d,).
    """
    raise NotImplementedError(
        "Exercise 3: gradient_step is not implemented yet — see `grade show 3`"
    )
