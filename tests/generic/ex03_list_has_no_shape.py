"""Exercise 3 that asks a list for its .shape: an AttributeError on the lecture's lists."""
import numpy as np


def gradient_step(v, gradient, step_size):
    result = np.zeros(v.shape)
    for i in range(len(v)):
        result[i] = v[i] + step_size * gradient[i]
    return result
