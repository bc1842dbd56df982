"""Exercise 9's known mistakes."""

import math


def step_decay_true_division(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * drop ** (k / every)


def inverse_time_shifted(k, eta0=1.0):
    return eta0 / (k + 1)


def power_decay_shifted(k, lam=1.0, s0=1.0, p=0.5):
    return lam * (s0 / (s0 + k - 1)) ** p


def step_decay_shifted(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * drop ** ((k - 1) // every)


def exponential_decay_shifted(k, eta0=0.1, gamma=0.9):
    return eta0 * gamma ** (k - 1)


def cosine_annealing_shifted(k, eta0=0.1, total=100, eta_min=0.0):
    return eta_min + (eta0 - eta_min) * (1 + math.cos(math.pi * (k - 1) / total)) / 2


def power_decay_denominator_only(k, lam=1.0, s0=1.0, p=0.5):
    """lam * s0 / (s0 + k) ** p: ** binds tighter than /, so only the denominator is raised."""
    return lam * s0 / (s0 + k) ** p


def exponential_decay_as_exp(k, eta0=0.1, gamma=0.9):
    """η0 · e^(−γ k): γ taken for a rate in an exponent, where η_k = η0 · γ^k."""
    return eta0 * math.exp(-gamma * k)


def cosine_annealing_eta_min_added(k, eta0=0.1, total=100, eta_min=0.0):
    """η_min + η0 (1 + cos(π k / total)) / 2: η_min added without being taken from η0 (starts at η0 + η_min)."""
    return eta_min + eta0 * (1 + math.cos(math.pi * k / total)) / 2


def cosine_annealing_without_half(k, eta0=0.1, total=100, eta_min=0.0):
    """η_min + (η0 − η_min)(1 + cos(π k / total)): without / 2 it starts near 2 η0 − η_min."""
    return eta_min + (eta0 - eta_min) * (1 + math.cos(math.pi * k / total))


def cosine_annealing_without_pi(k, eta0=0.1, total=100, eta_min=0.0):
    """η_min + (η0 − η_min)(1 + cos(k / total)) / 2: without π the cosine turns one radian, not half a turn."""
    return eta_min + (eta0 - eta_min) * (1 + math.cos(k / total)) / 2


def cosine_annealing_minus_cosine(k, eta0=0.1, total=100, eta_min=0.0):
    """η_min + (η0 − η_min)(1 − cos(π k / total)) / 2: the cosine subtracted, so η rises from η_min to η0."""
    return eta_min + (eta0 - eta_min) * (1 - math.cos(math.pi * k / total)) / 2


def step_decay_rounded(k, eta0=0.1, drop=0.5, every=10):
    """η0 · drop^round(k / every): rounded to the nearest (halves to even), not floored, so each
    drop comes about every / 2 steps early."""
    return eta0 * drop ** round(k / every)


def inverse_time_floor_division(k, eta0=1.0):
    """η0 // k: floor division, η0 / k rounded down to a whole number (0 once k > η0)."""
    return eta0 // k


def cosine_annealing_without_eta_min(k, eta0=0.1, total=100, eta_min=0.0):
    """η0 (1 + cos(π k / total)) / 2: η_min left out altogether (the η_min = 0 form), so it ends at 0, not η_min."""
    return eta0 * (1 + math.cos(math.pi * k / total)) / 2


VARIANTS = {
    "true_division_in_step_decay": {"step_decay": step_decay_true_division},
    "k_shifted": {"inverse_time": inverse_time_shifted, "power_decay": power_decay_shifted, "step_decay": step_decay_shifted,
                  "exponential_decay": exponential_decay_shifted, "cosine_annealing": cosine_annealing_shifted},
    "power_precedence": {"power_decay": power_decay_denominator_only},
    "exponential_as_exp": {"exponential_decay": exponential_decay_as_exp},
    "cosine_eta_min_not_subtracted": {"cosine_annealing": cosine_annealing_eta_min_added},
    "cosine_without_half": {"cosine_annealing": cosine_annealing_without_half},
    "cosine_without_pi": {"cosine_annealing": cosine_annealing_without_pi},
    "cosine_sign_flipped": {"cosine_annealing": cosine_annealing_minus_cosine},
    "step_decay_rounded": {"step_decay": step_decay_rounded},
    "floor_division_in_inverse_time": {"inverse_time": inverse_time_floor_division},
    "cosine_eta_min_ignored": {"cosine_annealing": cosine_annealing_without_eta_min},
}
