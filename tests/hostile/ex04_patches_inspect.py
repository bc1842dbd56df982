# HOSTILE: monkeypatches inspect.signature to report defaults it does not have (a 4200-digit max_steps, tol=inf).
"""ex04_gradient_descent with max_steps=500 (a wrong default). A worker that asked inspect for the
defaults told the grader max_steps=10**4200 (a 4,300-character message) and tol=inf; the
student is told what the function's defaults are: max_steps=500."""

import inspect

import numpy as np


class _Parameter:
    def __init__(self, default):
        self.default = default


class _Signature:
    @property
    def parameters(self):
        return {"max_steps": _Parameter(10**4200), "tol": _Parameter(float("inf")),
                "learning_rate": _Parameter("\x1b[31m" + "A" * 90)}


inspect.signature = lambda *args, **kwargs: _Signature()


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=500, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    iterates = [x]
    for _ in range(max_steps):
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol:
            break
        x = x_next
    return np.array(iterates)
