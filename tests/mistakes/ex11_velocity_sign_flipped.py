# MISTAKE (ex11_velocity_sign_flipped): v = alpha v - lr grad_f(w + alpha v); w + v (the velocity with the other sign).
"""Exercise 11 with one deliberate mistake: the velocity is added to w, so h has the other sign."""
import numpy as np


def nesterov_update(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    w = np.asarray(w, dtype=float)
    v = np.asarray(h, dtype=float)
    v_new = alpha * v - learning_rate * np.asarray(grad_f(w + alpha * v), dtype=float)
    return w + v_new, v_new  # should be h_new = alpha h + lr g, w - h_new
