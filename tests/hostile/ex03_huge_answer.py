# HOSTILE: answers every call with 5 million floats (53 MB of base64 on the channel): the grader
# would hold it whole, with its parsed and decoded copies, for every call.
import numpy as np


def gradient_step(v, gradient, step_size):
    return np.zeros(5_000_000)
