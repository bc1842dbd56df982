# MISTAKE (ex03_step_without_v): gradient_step returns only step_size * gradient, not v + step_size * gradient.
"""Exercise 3 with one deliberate mistake: the step is returned without the point it starts from."""


def gradient_step(v, gradient, step_size):
    step = [step_size * g for g in gradient]
    return step  # should be [v_i + step_i for v_i, step_i in zip(v, step)]
