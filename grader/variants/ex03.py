"""Exercise 3's known mistakes."""

import numpy as np


def step_against(v, gradient, step_size):
    return np.asarray(v, dtype=float) - step_size * np.asarray(gradient, dtype=float)


VARIANTS = {"step_sign_flipped": {"gradient_step": step_against}}
