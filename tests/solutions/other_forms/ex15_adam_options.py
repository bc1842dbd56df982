"""Exercise 15, keeping the state in an OrderedDict (a dict, by value)."""

from collections import OrderedDict

import numpy as np


def adam_update_full(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                     weight_decay=0.0, amsgrad=False):
    w = np.array(w, dtype=float)
    g = np.array(grad, dtype=float) + weight_decay * w
    m = beta1 * np.array(state["m"], dtype=float) + (1 - beta1) * g
    v = beta2 * np.array(state["v"], dtype=float) + (1 - beta2) * g**2
    v_max = np.fmax(np.array(state["v_max"], dtype=float), v) if amsgrad else np.array(state["v_max"], dtype=float)
    second = (v_max if amsgrad else v) / (1 - beta2**t)
    step = learning_rate * (m / (1 - beta1**t)) / (np.sqrt(second) + eps)
    return w - step, OrderedDict(m=m, v=v, v_max=v_max)
