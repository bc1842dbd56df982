# HOSTILE: gradient_step raises ValueError("boom") on every call.
"""ex03_gradient_step that raises."""


def gradient_step(v, gradient, step_size):
    raise ValueError("boom")
