# MISTAKE (ex16_stalled_before_oscillating): the stall test is made before the oscillation test, so a swinging curve that ends flat is called stalled.
"""Exercise 16 with one deliberate mistake: stalled checked before oscillating."""

from __future__ import annotations

import math
from typing import Sequence


def diagnose_training(losses: Sequence[float]) -> str:
    """"diverging", "oscillating", "stalled" or "decreasing", checked in that order.

    diverging: a non-finite loss, or the last above the first;
    oscillating: the sign of consecutive differences (zeros dropped) changes more than
    (len − 1) / 3 times;
    stalled: with k = max(2, len // 5), (L[−k] − L[−1]) / |L[−k]| < 1e-3, or L[−k] = 0.
    """
    losses = [float(loss) for loss in losses]
    if any(not math.isfinite(loss) for loss in losses) or losses[-1] > losses[0]:
        return "diverging"
    signs = [d > 0 for d in (b - a for a, b in zip(losses, losses[1:])) if d != 0]
    changes = sum(1 for a, b in zip(signs, signs[1:]) if a != b)
    k = max(2, len(losses) // 5)  # should come after the oscillation test below
    if losses[-k] == 0 or (losses[-k] - losses[-1]) / abs(losses[-k]) < 1e-3:
        return "stalled"
    if changes > (len(losses) - 1) / 3:
        return "oscillating"
    return "decreasing"
