"""Exercise 3 computed in single precision: right formula, np.float32 numbers."""

import numpy as np


def gradient_step(v, gradient, step_size):
    return (np.asarray(v, dtype=np.float32) + np.float32(step_size) * np.asarray(gradient, dtype=np.float32))
