# HOSTILE: gradient_step never returns (infinite loop); the grader must time it out.
"""ex03_gradient_step that loops forever when called (importing it is harmless)."""


def gradient_step(v, gradient, step_size):
    while True:
        pass
