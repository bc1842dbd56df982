"""Exercise 14 (alternative solution): Adam with bias correction, plain Python lists."""
import math


def _as_list(a, n=None):
    try:
        return [float(t) for t in a]
    except TypeError:  # scalar (or 0-d array): broadcast
        return [float(a)] * (1 if n is None else n)


def adam_update(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    ws = _as_list(w)
    d = len(ws)
    gs, ms, vs = _as_list(grad, d), _as_list(m, d), _as_list(v, d)
    c1 = 1.0 - beta1 ** t
    c2 = 1.0 - beta2 ** t
    w_out, m_out, v_out = [], [], []
    for i in range(d):
        mi = beta1 * ms[i] + (1.0 - beta1) * gs[i]
        vi = beta2 * vs[i] + (1.0 - beta2) * gs[i] * gs[i]
        m_out.append(mi)
        v_out.append(vi)
        w_out.append(ws[i] - learning_rate * (mi / c1) / (math.sqrt(vi / c2) + eps))
    return w_out, m_out, v_out
