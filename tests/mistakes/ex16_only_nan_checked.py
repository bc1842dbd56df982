# MISTAKE (ex16_only_nan_checked): "diverging" tests the losses with math.isnan only, so a loss of ±inf followed by smaller ones is not diverging.
"""Exercise 16 with one deliberate mistake: only nan counts as non-finite."""
import math


def diagnose_training(losses):
    L = [float(t) for t in losses]
    n = len(L)
    if any(math.isnan(t) for t in L) or L[-1] > L[0]:  # should be: not math.isfinite(t)
        return "diverging"
    signs = [1 if b > a else -1 for a, b in zip(L, L[1:]) if b != a]
    changes = sum(1 for s, s2 in zip(signs, signs[1:]) if s != s2)
    if changes > (n - 1) / 3:
        return "oscillating"
    k = max(2, n // 5)
    if L[-k] == 0 or (L[-k] - L[-1]) / abs(L[-k]) < 1e-3:
        return "stalled"
    return "decreasing"
