"""Exercise 2 — estimating derivatives and gradients numerically.

Implement two finite-difference estimates:

    difference_quotient(f, x, h) = (f(x + h) − f(x)) / h          (forward difference, 1-D)

    estimate_gradient(f, v, h=1e-5)_i = (f(v + h·e_i) − f(v − h·e_i)) / (2h)
                                                                  (central difference)

where e_i is the i-th unit vector (1 at position i, 0 elsewhere), so v ± h·e_i moves only
coordinate i. ``difference_quotient`` is the FORWARD quotient; ``estimate_gradient`` must use
the CENTRAL difference (it is exact for quadratics and its error is O(h²), not O(h)).

``f`` in ``difference_quotient`` maps a float to a float. ``f`` in ``estimate_gradient`` maps
a vector to a float; build the shifted points as 1-D float numpy arrays of shape (d,) and do
not modify ``v`` in place. ``v`` comes as a list of floats or a 1-D numpy array; you may return
a list, a tuple or an array of shape (d,).

Where it comes from: the Q&A on gradient descent (qa_gradient_descent_ru, question 11): "the
gradient is the vector of the partial derivatives of the function with respect to all its
arguments"; each partial derivative is estimated here by a difference quotient.

The statement also exists in Kazakh and Russian: ``grade show 2 --lang kk`` /
``grade show 2 --lang ru``. Check your work with ``grade exercise 2``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def difference_quotient(f: Callable[[float], float], x: float, h: float) -> float:
    """Forward difference quotient of a function of one variable.

    .. math:: f′(x) ≈ (f(x + h) − f(x)) / h

    Symbols: f is ``f``; x is ``x``; h is ``h``.

    Args:
        f (Callable[[float], float]): the function f of one real variable.
        x (float): the point x where the derivative is estimated.
        h (float): the step h > 0 (no default).

    Returns:
        float: the forward difference quotient (f(x + h) − f(x)) / h.
    """
    raise NotImplementedError(
        "Exercise 2: difference_quotient is not implemented yet — see `grade show 2`"
    )


def estimate_gradient(
    f: Callable[[np.ndarray], float],
    v: Sequence[float] | np.ndarray,
    h: float = 1e-5,
) -> Sequence[float] | np.ndarray:
    """Central-difference estimate of the gradient of ``f`` at ``v``.

    .. math:: (∇f(v))_i ≈ (f(v + h·e_i) − f(v − h·e_i)) / (2h),   i = 1, …, d

    Symbols: f is ``f``; v is ``v``; h is ``h``; e_i is the i-th unit vector of length d = len(v).

    Args:
        f (Callable[[np.ndarray], float]): the function f, taking a vector of shape (d,).
        v (Sequence[float] | np.ndarray): the point v, shape (d,).
        h (float, optional): the step h > 0 (default: 1e-5).

    Returns:
        Sequence[float] | np.ndarray: the estimated gradient, shape (d,).
    """
    raise NotImplementedError(
        "Exercise 2: estimate_gradient is not implemented yet — see `grade show 2`"
    )
