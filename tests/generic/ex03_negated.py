# GENERIC MISTAKE (sign_flipped): the whole result negated.
import numpy as np


def gradient_step(v, gradient, step_size):
    return -(np.asarray(v, dtype=float) + step_size * np.asarray(gradient, dtype=float))
