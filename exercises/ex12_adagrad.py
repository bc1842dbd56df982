"""Exercise 12 — AdaGrad (adaptive gradient): one update.

AdaGrad gives every coordinate its own learning rate by accumulating the squares of all past
gradients, coordinate by coordinate (all operations element-wise):

    G_new = G + g²
    w_new = w − η · g / √(G_new + ε)

ε sits INSIDE the square root, as on the slides (η / √(G + ε), not η / (√G + ε)), and the
division uses the accumulated G_new that already includes the current g². G starts at zeros;
the caller feeds back the G_new you return, so G only grows and the steps shrink. Using only
the current g² (no accumulation) loses marks.

``w``, ``grad`` and ``G`` come as lists of floats or 1-D numpy arrays of shape (d,); return
(w_new, G_new), each a list, tuple or array of shape (d,).
Do not modify ``w`` or ``G`` in place; return new vectors.

Where it comes from: the slides (slides_gradient_descent_ru), "AdaGrad (adaptive gradient)":
G_{k,j} = G_{k−1,j} + (∇Q(w^(k−1)))_j², w_j^(k) = w_j^(k−1) − η / √(G_{k,j} + ε) · (∇Q(w^(k−1)))_j.

The statement also exists in Kazakh and Russian: ``grade show 12 --lang kk`` /
``grade show 12 --lang ru``. Check your work with ``grade exercise 12``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def adagrad_update(
    w: Sequence[float] | np.ndarray,
    grad: Sequence[float] | np.ndarray,
    G: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    eps: float = 1e-8,
) -> tuple[Sequence[float] | np.ndarray, Sequence[float] | np.ndarray]:
    """One AdaGrad step (element-wise).

    .. math::
        G_new = G + g²
        w_new = w − η · g / √(G_new + ε)

    Symbols: w is ``w``; g = ∇Q(w) is ``grad``; G is ``G``; η is ``learning_rate``;
    ε is ``eps``.

    Args:
        w (Sequence[float] | np.ndarray): the current weights w, shape (d,).
        grad (Sequence[float] | np.ndarray): the gradient g at w, shape (d,).
        G (Sequence[float] | np.ndarray): the sum of the squared past gradients, shape (d,)
            (zeros before the first step).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        eps (float, optional): ε added inside the square root (default: 1e-8).

    Returns:
        tuple: (w_new, G_new), each of shape (d,).
    """
    raise NotImplementedError(
        "Exercise 12: adagrad_update is not implemented yet — see `grade show 12`"
    )
