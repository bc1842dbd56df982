# MISTAKE (ex14_one_moment_not_corrected): m is bias-corrected, but the step takes sqrt(v_new), not sqrt(v_hat).
"""Exercise 14 with one deliberate mistake: the second moment is left uncorrected."""
import numpy as np


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1 ** t)
    w_new = w - learning_rate * m_hat / (np.sqrt(v_new) + eps)  # should be sqrt(v_new / (1 - beta2 ** t))
    return w_new, m_new, v_new
