# HOSTILE: runaway recursion.
def gradient_step(v, gradient, step_size):
    return gradient_step(v, gradient, step_size)
