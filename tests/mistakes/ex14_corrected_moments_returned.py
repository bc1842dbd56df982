# MISTAKE (ex14_corrected_moments_returned): m̂ and v̂ returned as the new state.
"""Exercise 14 with one deliberate mistake: the corrected moments returned."""
import numpy as np


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(grad, dtype=float)
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return np.asarray(w, dtype=float) - learning_rate * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat  # should be m, v
