# MISTAKE (ex09_step_decay_rounded): step_decay uses round(k / every), the nearest whole number, instead of k // every (floor): drops come every/2 steps early.
"""Exercise 9 with one deliberate mistake: step decay with round(k / every) instead of k // every."""

from __future__ import annotations

import math


def constant(k: int, eta: float = 0.1) -> float:
    """η_k = c."""
    return float(eta)


def inverse_time(k: int, eta0: float = 1.0) -> float:
    """η_k = η0 / k."""
    return eta0 / k


def power_decay(k: int, lam: float = 1.0, s0: float = 1.0, p: float = 0.5) -> float:
    """η_k = λ (s0 / (s0 + k))^p."""
    return lam * (s0 / (s0 + k)) ** p


def step_decay(k: int, eta0: float = 0.1, drop: float = 0.5, every: int = 10) -> float:
    """η_k = η0 · drop^(k // every)."""
    return eta0 * drop ** round(k / every)  # should be k // every (floor)


def exponential_decay(k: int, eta0: float = 0.1, gamma: float = 0.9) -> float:
    """η_k = η0 · γ^k."""
    return eta0 * gamma**k


def cosine_annealing(k: int, eta0: float = 0.1, total: int = 100, eta_min: float = 0.0) -> float:
    """η_k = η_min + (η0 − η_min)(1 + cos(π k / total)) / 2."""
    return eta_min + (eta0 - eta_min) * (1 + math.cos(math.pi * k / total)) / 2
