# HOSTILE: lifts the worker's cap on an exception's text (a global of the process it runs in),
# then raises an exception of 5 MB on every call: each failed test's message would quote it.
import __main__

__main__.MAX_TEXT = 10**9


def gradient_step(v, gradient, step_size):
    raise ValueError("x" * 5_000_000)
