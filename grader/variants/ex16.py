"""Exercise 16's known mistakes."""

import math


def absolute_threshold(losses):
    losses = [float(x) for x in losses]
    if any(not math.isfinite(x) for x in losses) or losses[-1] > losses[0]:
        return "diverging"
    signs = [d > 0 for d in (b - a for a, b in zip(losses, losses[1:])) if d != 0]
    if sum(1 for a, b in zip(signs, signs[1:]) if a != b) > (len(losses) - 1) / 3:
        return "oscillating"
    k = max(2, len(losses) // 5)
    if losses[-k] == 0 or losses[-k] - losses[-1] < 1e-3:
        return "stalled"
    return "decreasing"


VARIANTS = {"absolute_stall_threshold": {"diagnose_training": absolute_threshold}}
