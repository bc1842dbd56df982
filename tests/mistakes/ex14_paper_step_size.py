# MISTAKE (ex14_paper_step_size): the Adam paper's shortcut lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t), w - lr_t * m / (sqrt(v) + eps): eps not added to sqrt(v_hat).
"""Exercise 14 with one deliberate mistake: the paper's step size η_t, ε moved.

Symbol map: m, v = first and second moment estimates, β1 = beta1, β2 = beta2, t = the step
number counted from 1, η = learning_rate. Same rule as torch.optim.Adam (amsgrad=False).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def adam_update(
    w: Vector,
    grad: Vector,
    m: Vector,
    v: Vector,
    t: int,
    learning_rate: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """m = β1 m + (1−β1) g; v = β2 v + (1−β2) g²; w − η m̂ / (√v̂ + ε), m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)."""
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * grad**2
    # should be m_hat = m_new / (1 - beta1**t), v_hat = v_new / (1 - beta2**t), w - lr * m_hat / (np.sqrt(v_hat) + eps)
    lr_t = learning_rate * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    w_new = np.asarray(w, dtype=float) - lr_t * m_new / (np.sqrt(v_new) + eps)
    return w_new, m_new, v_new
