"""Exercise 14 — Adam (adaptive moment estimation): one update.

Adam combines Momentum (a moving average m of the gradients, the first moment) with RMSprop
(a moving average v of the squared gradients, the second moment), and corrects both for their
start at zero (bias correction). All operations are element-wise; t = 1, 2, … is the number of
the step being taken (t = 1 on the first call, counted from 1, not 0):

    m_new = β1·m + (1 − β1)·g
    v_new = β2·v + (1 − β2)·g²
    m̂ = m_new / (1 − β1^t)
    v̂ = v_new / (1 − β2^t)
    w_new = w − η · m̂ / (√v̂ + ε)

Conventions that decide marks: ε is OUTSIDE the square root here (√v̂ + ε, unlike AdaGrad and
RMSprop on the slides); the bias correction uses the same t as the step (1 − β^t, not
1 − β^(t−1) or 1 − β^(t+1)); the correction is applied to m_new and v_new, and the returned
m_new, v_new are the UNcorrected averages. m and v start at zeros.

``w``, ``grad``, ``m`` and ``v`` come as lists of floats or 1-D numpy arrays of shape (d,);
return (w_new, m_new, v_new), each a list, tuple or array of shape (d,).
Do not modify ``w``, ``m`` or ``v`` in place; return new vectors.

Where it comes from: the Q&A on variants (qa_gd_variants_ru, questions 29–30): Adam keeps the
exponential moving average of the gradients (first moment) and of their squares (second
moment), corrects the bias, and its defaults are lr = 0.001, beta1 = 0.9, beta2 = 0.999,
eps = 1e-8.

The statement also exists in Kazakh and Russian: ``grade show 14 --lang kk`` /
``grade show 14 --lang ru``. Check your work with ``grade exercise 14``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def adam_update(
    w: Sequence[float] | np.ndarray,
    grad: Sequence[float] | np.ndarray,
    m: Sequence[float] | np.ndarray,
    v: Sequence[float] | np.ndarray,
    t: int,
    learning_rate: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[
    Sequence[float] | np.ndarray, Sequence[float] | np.ndarray, Sequence[float] | np.ndarray
]:
    """One Adam step (element-wise).

    .. math::
        m_new = β1·m + (1 − β1)·g
        v_new = β2·v + (1 − β2)·g²
        m̂ = m_new / (1 − β1^t),   v̂ = v_new / (1 − β2^t)
        w_new = w − η · m̂ / (√v̂ + ε)

    Symbols: w is ``w``; g = ∇Q(w) is ``grad``; m is ``m``; v is ``v``; t is ``t``;
    η is ``learning_rate``; β1 is ``beta1``; β2 is ``beta2``; ε is ``eps``.

    Args:
        w (Sequence[float] | np.ndarray): the current weights w, shape (d,).
        grad (Sequence[float] | np.ndarray): the gradient g at w, shape (d,).
        m (Sequence[float] | np.ndarray): the first moment from the previous step, shape (d,)
            (zeros before the first step).
        v (Sequence[float] | np.ndarray): the second moment from the previous step, shape (d,)
            (zeros before the first step).
        t (int): the number of this step, t ≥ 1 (t = 1 on the first step).
        learning_rate (float, optional): the learning rate η (default: 1e-3).
        beta1 (float, optional): the decay β1 of the first moment (default: 0.9).
        beta2 (float, optional): the decay β2 of the second moment (default: 0.999).
        eps (float, optional): ε added outside the square root (default: 1e-8).

    Returns:
        tuple: (w_new, m_new, v_new), each of shape (d,); m_new and v_new without bias
        correction.
    """
    raise NotImplementedError(
        "Exercise 14: adam_update is not implemented yet — see `grade show 14`"
    )
