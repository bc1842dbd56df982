"""Exercise 1 — the sum of squares and its gradient.

Implement two functions of a vector v = (v_1, …, v_d):

    sum_of_squares(v)          = Σ_i v_i²                 (a float)
    sum_of_squares_gradient(v) = ∇f(v) = [2·v_1, …, 2·v_d]  (a vector of the same length)

Vectors come as a list of floats or a 1-D numpy array of shape (d,); you may return a list,
a tuple or an array (the grader compares values, never types). Do not forget the factor 2:
∂(v_i²)/∂v_i = 2·v_i.

Where it comes from: lecture 6 (lecture6_kk), section "computing the gradient": the function
f(v) = v1² + v2² + v3² has its minimum at v = [0, 0, 0], its gradient is [2v1, 2v2, 2v3], and
the lecture writes it in Python as ``sum_of_squares_gradient``.

The statement also exists in Kazakh and Russian: ``grade show 1 --lang kk`` /
``grade show 1 --lang ru``. Check your work with ``grade exercise 1``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def sum_of_squares(v: Sequence[float] | np.ndarray) -> float:
    """Sum of the squared coordinates of ``v``.

    .. math:: f(v) = Σ_{i=1}^{d} v_i²

    Symbols: v is ``v``; d is ``len(v)``.

    Args:
        v (Sequence[float] | np.ndarray): the point v, shape (d,).

    Returns:
        float: f(v) = v_1² + … + v_d² (0.0 for the zero vector).
    """
    raise NotImplementedError(
        "Exercise 1: sum_of_squares is not implemented yet — see `grade show 1`"
    )


def sum_of_squares_gradient(v: Sequence[float] | np.ndarray) -> Sequence[float] | np.ndarray:
    """Gradient of :func:`sum_of_squares` at ``v``.

    .. math:: ∇f(v) = [2·v_1, 2·v_2, …, 2·v_d]

    Symbols: v is ``v``; ∇f(v) is the returned vector.

    Args:
        v (Sequence[float] | np.ndarray): the point v, shape (d,).

    Returns:
        Sequence[float] | np.ndarray: the gradient, shape (d,) — a list, tuple or array.
    """
    raise NotImplementedError(
        "Exercise 1: sum_of_squares_gradient is not implemented yet — see `grade show 1`"
    )
