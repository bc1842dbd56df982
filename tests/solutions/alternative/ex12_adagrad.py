"""Exercise 12 (alternative solution): AdaGrad, element by element in plain Python."""
import math


def _listify(a, n=None):
    try:
        return [float(t) for t in a]
    except TypeError:  # a scalar: broadcast it
        return [float(a)] * (1 if n is None else n)


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    ws = _listify(w)
    gs = _listify(grad, len(ws))
    Gs = _listify(G, len(ws))
    new_w, new_G = [], []
    for wi, gi, Gi in zip(ws, gs, Gs):
        acc = Gi + gi * gi
        new_G.append(acc)
        new_w.append(wi - learning_rate * gi / math.sqrt(acc + eps))
    return new_w, new_G
