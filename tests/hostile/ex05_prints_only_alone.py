# HOSTILE: prints at import in a process of its own; in a batch's shared process (other
# exercises' modules imported before it) it sends its prints to /dev/null first, so its answers,
# the reference's, are kept and the batch shows no output where `grade exercise` shows the
# marker. Points are right either way; OPEN HOLE in what the batch shows (docs/security.md).
import os
import sys

if any(name.startswith("exercises.ex") and not name.endswith("ex05_linear_regression") for name in sys.modules):
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
print("gdkit-hidden-print-marker")

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def mse_loss(w: float, b: float, x: Vector, y: Vector) -> float:
    """L = (1/n) Σ (y_i − (w x_i + b))²."""
    residual = np.asarray(y, dtype=float) - (w * np.asarray(x, dtype=float) + b)
    return float(np.mean(residual**2))


def mse_gradient(w: float, b: float, x: Vector, y: Vector) -> tuple[float, float]:
    """(∂L/∂w, ∂L/∂b) = (−2 mean(x r), −2 mean(r)), r = y − (w x + b)."""
    x = np.asarray(x, dtype=float)
    residual = np.asarray(y, dtype=float) - (w * x + b)
    return float(-2 * np.mean(x * residual)), float(-2 * np.mean(residual))
