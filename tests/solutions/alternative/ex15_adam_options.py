"""Exercise 15 (alternative solution): Adam with L2 weight decay and AMSGrad options."""
import numpy as np

from .ex14_adam import adam_update


def adam_update_full(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999,
                     eps=1e-8, weight_decay=0.0, amsgrad=False):
    w_arr = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * w_arr
    new_state = dict(state)
    if not amsgrad:
        w_new, m_new, v_new = adam_update(w_arr, g, state["m"], state["v"], t,
                                          learning_rate, beta1, beta2, eps)
        new_state["m"] = np.asarray(m_new)
        new_state["v"] = np.asarray(v_new)
        new_state["v_max"] = state.get("v_max")
        return np.asarray(w_new), new_state

    m_new = beta1 * np.asarray(state["m"], dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(state["v"], dtype=float) + (1 - beta2) * g * g
    old_max = state.get("v_max")
    if old_max is None:
        old_max = np.zeros_like(v_new)
    v_max_new = np.maximum(np.asarray(old_max, dtype=float), v_new)
    m_hat = m_new / (1 - beta1 ** t)
    v_hat = v_max_new / (1 - beta2 ** t)
    w_new = w_arr - learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    new_state.update(m=m_new, v=v_new, v_max=v_max_new)
    return w_new, new_state
