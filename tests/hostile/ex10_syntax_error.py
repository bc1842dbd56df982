# HOSTILE: this file has a syntax error (missing colon after the def line); importing it raises SyntaxError.
"""ex10_momentum that does not parse."""
import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9)
    h_new = alpha * np.asarray(h) + learning_rate * np.asarray(grad)
    return np.asarray(w) - h_new, h_new
