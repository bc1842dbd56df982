"""Exercise 13 — RMSprop (root mean square propagation): one update.

RMSprop replaces AdaGrad's ever-growing sum by an exponential moving average of the squared
gradients (all operations element-wise):

    G_new = α·G + (1 − α)·g²
    w_new = w − η · g / √(G_new + ε)

α weighs the OLD average and (1 − α) the NEW squared gradient (swapping them loses marks);
ε sits INSIDE the square root, as on the slides; the division uses G_new. G starts at zeros;
the caller feeds back the G_new you return.

``w``, ``grad`` and ``G`` come as lists of floats or 1-D numpy arrays of shape (d,); return
(w_new, G_new), each a list, tuple or array of shape (d,).
Do not modify ``w`` or ``G`` in place; return new vectors.

Where it comes from: the slides (slides_gradient_descent_ru), "RMSprop":
G_{k,j} = α·G_{k−1,j} + (1 − α)·g_{k−1,j} with g_{k−1,j} = (∇Q)_j² (the SQUARED gradient),
w_j^(k) = w_j^(k−1) − η / √(G_{k,j} + ε) · (∇Q)_j; the Q&A on variants (qa_gd_variants_ru,
question 28): divide the gradient by the root of the moving average of its squares.

The statement also exists in Kazakh and Russian: ``grade show 13 --lang kk`` /
``grade show 13 --lang ru``. Check your work with ``grade exercise 13``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def rmsprop_update(
    w: Sequence[float] | np.ndarray,
    grad: Sequence[float] | np.ndarray,
    G: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    alpha: float = 0.9,
    eps: float = 1e-8,
) -> tuple[Sequence[float] | np.ndarray, Sequence[float] | np.ndarray]:
    """One RMSprop step (element-wise).

    .. math::
        G_new = α·G + (1 − α)·g²
        w_new = w − η · g / √(G_new + ε)

    Symbols: w is ``w``; g = ∇Q(w) is ``grad``; G is ``G``; η is ``learning_rate``;
    α is ``alpha``; ε is ``eps``.

    Args:
        w (Sequence[float] | np.ndarray): the current weights w, shape (d,).
        grad (Sequence[float] | np.ndarray): the gradient g at w, shape (d,).
        G (Sequence[float] | np.ndarray): the moving average of the squared gradients,
            shape (d,) (zeros before the first step).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        alpha (float, optional): the decay α of the moving average (default: 0.9).
        eps (float, optional): ε added inside the square root (default: 1e-8).

    Returns:
        tuple: (w_new, G_new), each of shape (d,).
    """
    raise NotImplementedError(
        "Exercise 13: rmsprop_update is not implemented yet — see `grade show 13`"
    )
