"""Exercise 15: Adam with L2 weight decay and AMSGrad, plain Python."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class _Hyper:
    lr: float
    b1: float
    b2: float
    eps: float
    wd: float
    amsgrad: bool


def _one_coordinate(wi, gi, mi, vi, vmax_i, t, hp):
    g = gi + hp.wd * wi
    mn = hp.b1 * mi + (1.0 - hp.b1) * g
    vn = hp.b2 * vi + (1.0 - hp.b2) * g * g
    if hp.amsgrad:
        vmax_new = vn if vn > vmax_i else vmax_i
        second = vmax_new
    else:
        vmax_new = vmax_i
        second = vn
    m_hat = mn / (1.0 - hp.b1 ** t)
    v_hat = second / (1.0 - hp.b2 ** t)
    return wi - hp.lr * m_hat / (math.sqrt(v_hat) + hp.eps), mn, vn, vmax_new


def adam_update_full(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                     weight_decay=0.0, amsgrad=False):
    hp = _Hyper(learning_rate, beta1, beta2, eps, weight_decay, bool(amsgrad))
    w_new, m_new, v_new, vmax_new = [], [], [], []
    for wi, gi, mi, vi, xi in zip(w, grad, state["m"], state["v"], state["v_max"]):
        a, b, c, d = _one_coordinate(float(wi), float(gi), float(mi), float(vi), float(xi), t, hp)
        w_new.append(a)
        m_new.append(b)
        v_new.append(c)
        vmax_new.append(d)
    return w_new, {"m": m_new, "v": v_new, "v_max": vmax_new}
