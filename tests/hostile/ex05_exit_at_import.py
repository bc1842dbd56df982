# HOSTILE: calls os._exit(0) at import time (kills the importing process with a "success" exit code).
"""ex05_linear_regression that terminates the interpreter as soon as it is imported."""
import os

os._exit(0)


def mse_loss(w, b, x, y):  # never reached
    return 0.0


def mse_gradient(w, b, x, y):  # never reached
    return 0.0, 0.0
