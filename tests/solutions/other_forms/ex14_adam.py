"""Exercise 14, returning a NamedTuple."""

from typing import NamedTuple

import numpy as np


class AdamStep(NamedTuple):
    w: np.ndarray
    m: np.ndarray
    v: np.ndarray


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.array(grad, dtype=float)
    m = np.array(m, dtype=float)
    v = np.array(v, dtype=float)
    m += (1 - beta1) * (g - m)
    v += (1 - beta2) * (g * g - v)
    step = learning_rate * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return AdamStep(np.array(w, dtype=float) - step, m, v)
