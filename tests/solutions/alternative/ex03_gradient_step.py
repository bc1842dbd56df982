"""Exercise 3 (alternative solution): one move of step_size along the gradient."""


def gradient_step(v, gradient, step_size):
    assert len(v) == len(gradient)
    return [float(v_i) + step_size * float(g_i) for v_i, g_i in zip(v, gradient)]
