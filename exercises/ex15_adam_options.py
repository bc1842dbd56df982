"""Exercise 15 — Adam with its options: weight_decay and amsgrad.

Extend exercise 14 with two of Adam's parameters, keeping the moments in a dict ``state`` with
exactly three keys:

    state = {"m": first moment, "v": second moment, "v_max": running maximum of v}

each a vector of shape (d,) (all three are zeros before the first step). One step number t
(counted from 1), all operations element-wise:

    g = grad + λ·w                         (weight_decay = λ: L2 term ADDED TO THE GRADIENT)
    m_new = β1·m + (1 − β1)·g
    v_new = β2·v + (1 − β2)·g²
    m̂ = m_new / (1 − β1^t)
    if amsgrad:   v_max_new = max(v_max, v_new)   (element-wise, on the UNcorrected v)
                  v̂ = v_max_new / (1 − β2^t)
    else:         v_max_new = v_max                (passed through unchanged)
                  v̂ = v_new / (1 − β2^t)
    w_new = w − η · m̂ / (√v̂ + ε)                 (ε outside the root, as in exercise 14)

Conventions that decide marks: the weight decay enters g (and so both m and v); it is NOT a
separate shrink of w (that is AdamW, a different method). With amsgrad the maximum is taken
BEFORE the bias correction, over the raw v_new. With weight_decay = 0 and amsgrad = False the
result equals exercise 14.

Return (w_new, state_new) where state_new is a NEW dict with the keys "m", "v", "v_max" holding
m_new, v_new, v_max_new (leave the dict you were given unchanged). ``w``, ``grad`` and the state
entries come as lists of floats or 1-D numpy arrays of shape (d,); you may return lists, tuples
or arrays.

Where it comes from: the Q&A on variants (qa_gd_variants_ru, question 30): Adam's parameters
lr, beta1, beta2, eps, weight_decay (L2 regularisation, default 0) and amsgrad (keeps the
maximum of the second moment, default False).

The statement also exists in Kazakh and Russian: ``grade show 15 --lang kk`` /
``grade show 15 --lang ru``. Check your work with ``grade exercise 15``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def adam_update_full(
    w: Sequence[float] | np.ndarray,
    grad: Sequence[float] | np.ndarray,
    state: dict[str, Sequence[float] | np.ndarray],
    t: int,
    learning_rate: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    amsgrad: bool = False,
) -> tuple[Sequence[float] | np.ndarray, dict[str, Sequence[float] | np.ndarray]]:
    """One Adam step with L2 weight decay and the optional AMSGrad variant (element-wise).

    .. math::
        g = ∇Q(w) + λ·w
        m_new = β1·m + (1 − β1)·g,   v_new = β2·v + (1 − β2)·g²
        v_max_new = max(v_max, v_new) if amsgrad else v_max
        m̂ = m_new / (1 − β1^t),   v̂ = (v_max_new if amsgrad else v_new) / (1 − β2^t)
        w_new = w − η · m̂ / (√v̂ + ε)

    Symbols: w is ``w``; ∇Q(w) is ``grad``; m, v, v_max are ``state["m"]``, ``state["v"]``,
    ``state["v_max"]``; t is ``t``; η is ``learning_rate``; β1 is ``beta1``; β2 is ``beta2``;
    ε is ``eps``; λ is ``weight_decay``.

    Args:
        w (Sequence[float] | np.ndarray): the current weights w, shape (d,).
        grad (Sequence[float] | np.ndarray): the gradient ∇Q(w) of the loss, shape (d,).
        state (dict[str, Sequence[float] | np.ndarray]): {"m", "v", "v_max"}, each of shape
            (d,) (zeros before the first step).
        t (int): the number of this step, t ≥ 1.
        learning_rate (float, optional): the learning rate η (default: 1e-3).
        beta1 (float, optional): the decay β1 of the first moment (default: 0.9).
        beta2 (float, optional): the decay β2 of the second moment (default: 0.999).
        eps (float, optional): ε added outside the square root (default: 1e-8).
        weight_decay (float, optional): the L2 coefficient λ added to the gradient
            (default: 0.0).
        amsgrad (bool, optional): use the running maximum of v (default: False).

    Returns:
        tuple: (w_new, state_new) — w_new of shape (d,) and a new dict {"m", "v", "v_max"}
        with m_new, v_new, v_max_new, each of shape (d,).
    """
    raise NotImplementedError(
        "Exercise 15: adam_update_full is not implemented yet — see `grade show 15`"
    )
