"""Exercise 5 with the gradient as one array [dL/dw, dL/db]."""

import numpy as np


def mse_loss(w, b, x, y):
    errors = np.asarray(y, dtype=float) - w * np.asarray(x, dtype=float) - b
    return np.array(errors @ errors / errors.size)  # a 0-d array


def mse_gradient(w, b, x, y):
    x = np.asarray(x, dtype=float)
    errors = np.asarray(y, dtype=float) - w * x - b
    design = np.stack([x, np.ones_like(x)])  # rows: d(prediction)/dw, d(prediction)/db
    return -2 * design @ errors / x.size
