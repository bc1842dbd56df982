# MISTAKE (ex14_eps_inside_root): w - lr*m_hat/sqrt(v_hat + eps) instead of w - lr*m_hat/(sqrt(v_hat) + eps).
"""Exercise 14 with one deliberate mistake: eps inside the square root (AdaGrad/RMSprop habit)."""
import numpy as np


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_new / (1 - beta2 ** t)
    return w - learning_rate * m_hat / np.sqrt(v_hat + eps), m_new, v_new  # eps belongs outside
