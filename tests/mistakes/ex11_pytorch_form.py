# MISTAKE (ex11_pytorch_form): Nesterov as in torch.optim.SGD(nesterov=True): g = grad_f(w), b = alpha*h + g, w - lr*(g + alpha*b).
"""Exercise 11 with one deliberate mistake: Nesterov copied from the PyTorch docs (gradient at w, velocity without lr)."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def nesterov_update(
    w: Vector,
    grad_f: Callable[[np.ndarray], Vector],
    h: Vector,
    learning_rate: float = 0.01,
    alpha: float = 0.9,
) -> tuple[np.ndarray, np.ndarray]:
    """g = ∇f(w − α h); h_new = α h + η g; w_new = w − h_new. Returns (w_new, h_new)."""
    w = np.asarray(w, dtype=float)
    h = np.asarray(h, dtype=float)
    g = np.asarray(grad_f(w), dtype=float)
    h_new = alpha * h + g  # the lecture: g = grad_f(w - alpha * h); h_new = alpha * h + learning_rate * g; w - h_new
    return w - learning_rate * (g + alpha * h_new), h_new
