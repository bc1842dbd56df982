# MISTAKE (ex14_bias_correction_t_minus_1): 1 − β^(t−1) in the bias correction (t taken from 0).
"""Exercise 14 with one deliberate mistake: the correction one step early."""
import numpy as np


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(grad, dtype=float)
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** (t - 1))  # should be β1^t
    v_hat = v / (1 - beta2 ** (t - 1))
    return np.asarray(w, dtype=float) - learning_rate * m_hat / (np.sqrt(v_hat) + eps), m, v
