# MISTAKE (ex16_window_without_minimum): k = N // 5 without max(2, ...): below 10 losses k is 1 (or 0) and [2, 2, 2, 2, 1] is "stalled".
"""Exercise 16 with one deliberate mistake: the stall window k without its minimum of 2."""
import math


def diagnose_training(losses):
    L = [float(t) for t in losses]
    n = len(L)
    if any(not math.isfinite(t) for t in L) or L[-1] > L[0]:
        return "diverging"
    signs = [1 if b > a else -1 for a, b in zip(L, L[1:]) if b != a]
    changes = sum(1 for s, s2 in zip(signs, signs[1:]) if s != s2)
    if changes > (n - 1) / 3:
        return "oscillating"
    k = n // 5  # should be max(2, n // 5)
    if L[-k] == 0 or (L[-k] - L[-1]) / abs(L[-k]) < 1e-3:
        return "stalled"
    return "decreasing"
