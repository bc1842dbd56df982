"""Exercise 14 with math.sqrt on the vector v̂: right on numbers, a TypeError on every array (lists converted first)."""
import math

import numpy as np


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g = np.asarray(w, dtype=float), np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g**2
    m_hat, v_hat = m_new / (1 - beta1**t), v_new / (1 - beta2**t)
    return w - learning_rate * m_hat / (math.sqrt(v_hat) + eps), m_new, v_new  # np.sqrt is meant
