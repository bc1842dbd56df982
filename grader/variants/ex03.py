"""Exercise 3's known mistakes."""

import numpy as np


def step_against(v, gradient, step_size):
    return np.asarray(v, dtype=float) - step_size * np.asarray(gradient, dtype=float)


def step_only(v, gradient, step_size):
    """step_size · gradient: the step without the point v it starts from."""
    return step_size * np.asarray(gradient, dtype=float)


VARIANTS = {"step_sign_flipped": {"gradient_step": step_against}, "step_without_v": {"gradient_step": step_only}}
