# GENERIC MISTAKE (raised_exception): an exception in the student's own helper, line 6.
def _add(a, b):
    return a + b


def _scale(s, g):
    return [s * x for x in g] + undefined_name


def gradient_step(v, gradient, step_size):
    return [_add(a, b) for a, b in zip(v, _scale(step_size, gradient))]
