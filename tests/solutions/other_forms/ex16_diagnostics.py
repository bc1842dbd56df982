"""Exercise 16, with the labels in a numpy array (each answer is a numpy.str_)."""

import numpy as np

LABELS = np.array(["diverging", "oscillating", "stalled", "decreasing"])


def diagnose_training(losses):
    curve = np.asarray(losses, dtype=float)
    if not np.all(np.isfinite(curve)) or curve[-1] > curve[0]:
        return LABELS[0]
    steps = np.sign(np.diff(curve))
    steps = steps[steps != 0]
    if 3 * np.count_nonzero(steps[1:] != steps[:-1]) > curve.size - 1:
        return LABELS[1]
    k = max(2, curve.size // 5)
    before, last = curve[-k], curve[-1]
    if before == 0 or before - last < 1e-3 * abs(before):
        return LABELS[2]
    return LABELS[3]
