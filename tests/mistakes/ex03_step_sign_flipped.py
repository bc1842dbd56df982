# MISTAKE (ex03_step_sign_flipped): gradient_step returns v - step_size * gradient instead of v + step_size * gradient.
"""Exercise 3 with one deliberate mistake: the sign of the step is flipped."""
import numpy as np


def gradient_step(v, gradient, step_size):
    return np.asarray(v, dtype=float) - step_size * np.asarray(gradient, dtype=float)
