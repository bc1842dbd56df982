# MISTAKE (ex09_cosine_eta_min_ignored): cosine_annealing returns eta0 * (1 + cos(pi k / total)) / 2, eta_min left out (it ends at 0, not eta_min).
"""Exercise 9 with one deliberate mistake: cosine annealing without η_min."""

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
    return eta0 * drop ** (k // every)


def exponential_decay(k: int, eta0: float = 0.1, gamma: float = 0.9) -> float:
    """η_k = η0 · γ^k."""
    return eta0 * gamma**k


def cosine_annealing(k: int, eta0: float = 0.1, total: int = 100, eta_min: float = 0.0) -> float:
    """η_k = η_min + (η0 − η_min)(1 + cos(π k / total)) / 2."""
    return eta0 * (1 + math.cos(math.pi * k / total)) / 2  # should be eta_min + (eta0 - eta_min) * (...) / 2
