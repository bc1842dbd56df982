"""Exercise 16: diagnosing a loss curve with plain Python."""

import math


def _sign_changes(values):
    signs = []
    for a, b in zip(values, values[1:]):
        d = b - a
        if d > 0:
            signs.append(1)
        elif d < 0:
            signs.append(-1)
    return sum(1 for s, u in zip(signs, signs[1:]) if s != u)


def diagnose_training(losses):
    L = [float(c) for c in losses]
    N = len(L)
    if any(not math.isfinite(c) for c in L) or L[-1] > L[0]:
        return "diverging"
    if 3 * _sign_changes(L) > N - 1:
        return "oscillating"
    k = max(2, N // 5)
    ref = L[-k]
    if ref == 0 or (ref - L[-1]) < 1e-3 * abs(ref):
        return "stalled"
    return "decreasing"
