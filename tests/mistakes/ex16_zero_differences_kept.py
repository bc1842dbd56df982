# MISTAKE (ex16_zero_differences_kept): the sign changes are counted on np.sign(np.diff(L)) with the zero differences kept, so a flat step counts as a change.
"""Exercise 16 with one deliberate mistake: the zero differences are not dropped."""
import math


def diagnose_training(losses):
    losses = [float(x) for x in losses]
    n = len(losses)
    if any(not math.isfinite(x) for x in losses) or losses[-1] > losses[0]:
        return "diverging"
    signs = [(b > a) - (b < a) for a, b in zip(losses, losses[1:])]  # should drop the zeros
    if sum(1 for s, t in zip(signs, signs[1:]) if s != t) > (n - 1) / 3:
        return "oscillating"
    k = max(2, n // 5)
    if losses[-k] == 0 or (losses[-k] - losses[-1]) / abs(losses[-k]) < 1e-3:
        return "stalled"
    return "decreasing"
