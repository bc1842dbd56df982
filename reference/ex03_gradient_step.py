"""Exercise 3 (reference): one step along the gradient (lecture6_kk, `gradient_step`)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

Vector = Sequence[float] | np.ndarray


def gradient_step(v: Vector, gradient: Vector, step_size: float) -> np.ndarray:
    """v + step_size · gradient: moves `step_size` along the gradient (descent passes step_size < 0)."""
    return np.asarray(v, dtype=float) + step_size * np.asarray(gradient, dtype=float)
