"""Exercise 3: the lecture's gradient_step, coordinate by coordinate."""


def gradient_step(v, gradient, step_size):
    return [vi + step_size * gi for vi, gi in zip(v, gradient)]
