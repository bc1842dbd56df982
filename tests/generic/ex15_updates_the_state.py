"""Exercise 15, writing the new moments into the dict it was given and returning that dict."""
import numpy as np


def adam_update_full(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                     weight_decay=0.0, amsgrad=False):
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * w
    m = beta1 * np.asarray(state["m"], dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(state["v"], dtype=float) + (1 - beta2) * g**2
    v_max = np.maximum(state["v_max"], v) if amsgrad else np.asarray(state["v_max"], dtype=float)
    state.update(m=m, v=v, v_max=v_max)  # the caller's dict changes
    v_hat = (v_max if amsgrad else v) / (1 - beta2**t)
    return w - learning_rate * (m / (1 - beta1**t)) / (np.sqrt(v_hat) + eps), state
