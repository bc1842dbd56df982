"""Exercise 16 (alternative solution): diagnose a loss curve, plain Python."""
import math


def _sign_changes(values):
    signs = []
    for a, b in zip(values[:-1], values[1:]):
        d = b - a
        if d > 0:
            signs.append(1)
        elif d < 0:
            signs.append(-1)
    return sum(1 for s, s2 in zip(signs, signs[1:]) if s != s2)


def diagnose_training(losses):
    L = [float(t) for t in losses]
    n = len(L)
    if n == 0:
        return "stalled"
    if any(not math.isfinite(t) for t in L) or (n and L[-1] > L[0]):
        return "diverging"
    if _sign_changes(L) > (n - 1) / 3:
        return "oscillating"
    k = min(max(2, n // 5), n)
    ref = L[-k]
    if ref == 0 or (ref - L[-1]) / abs(ref) < 1e-3:
        return "stalled"
    return "decreasing"
