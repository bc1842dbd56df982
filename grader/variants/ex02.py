"""Exercise 2's known mistakes."""

import numpy as np


def forward_gradient(f, v, h=1e-5):
    v = np.asarray(v, dtype=float)
    base = f(v)
    return np.array([(f(v + h * np.eye(v.size)[i]) - base) / h for i in range(v.size)])


VARIANTS = {"forward_difference": {"estimate_gradient": forward_gradient}}
