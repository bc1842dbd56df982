"""Exercise 16 written for arrays only: the curves come as lists, and `losses[1:] - losses[:-1]` is a TypeError."""
import numpy as np


def diagnose_training(losses):
    if not np.all(np.isfinite(losses)) or losses[-1] > losses[0]:
        return "diverging"
    differences = losses[1:] - losses[:-1]
    signs = np.sign(differences[differences != 0])
    if np.sum(signs[1:] != signs[:-1]) > (len(losses) - 1) / 3:
        return "oscillating"
    k = max(2, len(losses) // 5)
    if losses[-k] == 0 or (losses[-k] - losses[-1]) / abs(losses[-k]) < 1e-3:
        return "stalled"
    return "decreasing"
