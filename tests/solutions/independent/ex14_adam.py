"""Exercise 14: Adam, with the bias corrections folded into the step size.

lr · m̂ / (√v̂ + ε) = lr · (√c2 / c1) · m_new / (√v_new + ε √c2),  c1 = 1 − β1^t, c2 = 1 − β2^t
(the same number, written as in Kingma & Ba's "more efficient" form, with ε scaled exactly).
"""

import math


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    c1 = 1.0 - beta1 ** t
    root_c2 = math.sqrt(1.0 - beta2 ** t)
    step = learning_rate * root_c2 / c1
    eps_scaled = eps * root_c2
    m_new, v_new, w_new = [], [], []
    for wi, gi, mi, vi in zip(w, grad, m, v):
        mn = beta1 * mi + (1.0 - beta1) * gi
        vn = beta2 * vi + (1.0 - beta2) * gi * gi
        w_new.append(wi - step * mn / (math.sqrt(vn) + eps_scaled))
        m_new.append(mn)
        v_new.append(vn)
    return w_new, m_new, v_new
