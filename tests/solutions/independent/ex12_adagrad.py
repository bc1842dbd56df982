"""Exercise 12: AdaGrad with math.sqrt per coordinate."""

import math
from typing import NamedTuple


class AdaGradStep(NamedTuple):
    w_new: list
    G_new: list


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    G_new = [Gi + gi * gi for Gi, gi in zip(G, grad)]
    w_new = [wi - learning_rate * gi / math.sqrt(Gn + eps) for wi, gi, Gn in zip(w, grad, G_new)]
    return AdaGradStep(w_new, G_new)
