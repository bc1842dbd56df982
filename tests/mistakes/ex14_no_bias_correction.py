# MISTAKE (ex14_no_bias_correction): uses m_new and v_new directly, without dividing by (1 - b1^t), (1 - b2^t).
"""Exercise 14 with one deliberate mistake: Adam without bias correction."""
import numpy as np


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    w_new = w - learning_rate * m_new / (np.sqrt(v_new) + eps)  # should use m_hat, v_hat
    return w_new, m_new, v_new
