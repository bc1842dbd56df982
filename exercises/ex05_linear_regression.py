"""Exercise 5 — linear regression: the MSE loss and its gradient.

The model is ŷ = w·x + b with one weight w and one bias b (both floats). On data
x = (x_1, …, x_n), y = (y_1, …, y_n) implement

    mse_loss(w, b, x, y)     = L = (1/n) Σ_i (y_i − (w·x_i + b))²

    mse_gradient(w, b, x, y) = (∂L/∂w, ∂L/∂b) = (−2·mean(x·r), −2·mean(r)),
                               with the residuals r_i = y_i − (w·x_i + b).

Both use the MEAN over the n samples (not the sum), and the gradient keeps the factor 2 and the
minus sign that comes from differentiating (y − ŷ)². ``x`` and ``y`` come as lists of floats or
1-D numpy arrays of the same length n ≥ 1. ``mse_loss`` returns a float; ``mse_gradient`` returns
a pair of floats (a tuple, a list or an array of length 2).

Where it comes from: lecture 6 (lecture6_kk), the worked problem "ŷ = w·x + b": the loss
L = (1/n) Σ (y_i − (w x_i + b))² and the updates w = w − η ∂L/∂w, b = b − η ∂L/∂b
(w — weight, b — bias, η — learning rate).

The statement also exists in Kazakh and Russian: ``grade show 5 --lang kk`` /
``grade show 5 --lang ru``. Check your work with ``grade exercise 5``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def mse_loss(
    w: float,
    b: float,
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
) -> float:
    """Mean squared error of the line ŷ = w·x + b on the data (x, y).

    .. math:: L(w, b) = (1/n) Σ_{i=1}^{n} (y_i − (w·x_i + b))²

    Symbols: w is ``w``; b is ``b``; x_i, y_i are ``x[i]``, ``y[i]``; n is ``len(x)``.

    Args:
        w (float): the weight (slope) w.
        b (float): the bias (intercept) b.
        x (Sequence[float] | np.ndarray): the inputs x, shape (n,).
        y (Sequence[float] | np.ndarray): the targets y, shape (n,).

    Returns:
        float: the loss L(w, b) ≥ 0.
    """
    raise NotImplementedError("Exercise 5: mse_loss is not implemented yet — see `grade show 5`")


def mse_gradient(
    w: float,
    b: float,
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
) -> tuple[float, float]:
    """Gradient of :func:`mse_loss` with respect to w and b.

    .. math::
        r_i = y_i − (w·x_i + b)
        ∂L/∂w = −(2/n) Σ_i x_i·r_i,   ∂L/∂b = −(2/n) Σ_i r_i

    Symbols: w is ``w``; b is ``b``; x_i, y_i are ``x[i]``, ``y[i]``; n is ``len(x)``.

    Args:
        w (float): the weight w.
        b (float): the bias b.
        x (Sequence[float] | np.ndarray): the inputs x, shape (n,).
        y (Sequence[float] | np.ndarray): the targets y, shape (n,).

    Returns:
        tuple[float, float]: (∂L/∂w, ∂L/∂b).
    """
    raise NotImplementedError(
        "Exercise 5: mse_gradient is not implemented yet — see `grade show 5`"
    )
