# MISTAKE (ex15_weight_decay_subtracted): g = grad - weight_decay*w instead of grad + weight_decay*w.
"""Exercise 15 with one deliberate mistake: the L2 term subtracted from the gradient."""
import numpy as np


def adam_update_full(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999,
                     eps=1e-8, weight_decay=0.0, amsgrad=False):
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float) - weight_decay * w  # should be + weight_decay * w
    m_new = beta1 * np.asarray(state["m"], dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(state["v"], dtype=float) + (1 - beta2) * g ** 2
    m_hat = m_new / (1 - beta1 ** t)
    if amsgrad:
        v_max_new = np.maximum(np.asarray(state["v_max"], dtype=float), v_new)
        v_hat = v_max_new / (1 - beta2 ** t)
    else:
        v_max_new = state["v_max"]
        v_hat = v_new / (1 - beta2 ** t)
    w_new = w - learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, {"m": m_new, "v": v_new, "v_max": v_max_new}
