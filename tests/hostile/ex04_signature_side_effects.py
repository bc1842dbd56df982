# HOSTILE: gradient_descent is a callable object whose __signature__ is a property with side effects.
"""ex04_gradient_descent with max_steps=500 (a wrong default, one test fails), served by a
callable object whose __signature__, when read, prints escape sequences and makes every later
answer one row short. Asking its defaults must run none of it: `grade exercise` (which asks in
the process that serves the calls) and `grade batch` (which asks after them) then agree."""

import numpy as np

LATER = {"wrong": False}


def _gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=500, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    iterates = [x]
    for _ in range(max_steps):
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol:
            break
        x = x_next
    result = np.array(iterates)
    return result[:-1] if LATER["wrong"] else result


class _Descent:
    def __call__(self, *args, **kwargs):
        return _gradient_descent(*args, **kwargs)

    @property
    def __signature__(self):
        LATER["wrong"] = True
        print("\x1b[2J\x1b[31mSIGNATURE READ\x1b[0m")
        import inspect

        return inspect.signature(_gradient_descent)


gradient_descent = _Descent()
