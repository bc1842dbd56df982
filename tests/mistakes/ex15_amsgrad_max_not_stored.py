# MISTAKE (ex15_amsgrad_max_not_stored): with amsgrad the step uses max(v_max, v_new), but the state returns the old v_max (the maximum is never stored).
"""Exercise 15 with one deliberate mistake: AMSGrad's maximum used but not stored.

Weight decay here is L2 added to the gradient (torch.optim.Adam's weight_decay), not AdamW's
decoupled decay. AMSGrad keeps v_max = max(v_max, v) of the raw second moments and corrects
it afterwards, as torch.optim.Adam(amsgrad=True) does.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def adam_update_full(
    w: Vector,
    grad: Vector,
    state: Mapping[str, Vector],
    t: int,
    learning_rate: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    amsgrad: bool = False,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """g = grad + λ w; m, v as in Adam; with amsgrad v̂ = max(v_max, v)/(1 − β2^t).

    state = {"m", "v", "v_max"}; returns (w_new, new state); without amsgrad v_max passes through.
    """
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * w
    m_new = beta1 * np.asarray(state["m"], dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(state["v"], dtype=float) + (1 - beta2) * g**2
    v_max = np.asarray(state["v_max"], dtype=float)
    v_hat = (np.maximum(v_max, v_new) if amsgrad else v_new) / (1 - beta2**t)  # should store it: v_max = np.maximum(v_max, v_new) first
    m_hat = m_new / (1 - beta1**t)
    w_new = w - learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, {"m": m_new, "v": v_new, "v_max": v_max}
