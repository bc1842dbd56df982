# HOSTILE: raises an exception whose text, and whose class name, hold the inputs it was called with.
"""ex03_gradient_step that never answers but raises, saying its arguments: graded with the
instructor's own seed, a Gradescope page that showed an error's message would hand the student
the hidden inputs, for a resubmission to look its answers up by."""

import numpy as np


def gradient_step(v, gradient, step_size):
    said = f"{np.asarray(v, dtype=float).tolist()}|{np.asarray(gradient, dtype=float).tolist()}|{step_size!r}"
    if len(np.asarray(v)) == 3:  # the type's name, not only its text
        raise type("LEAKED_" + str(abs(int(step_size * 1e6))), (ValueError,), {})("no text")
    raise ValueError("LEAKED " + said)
