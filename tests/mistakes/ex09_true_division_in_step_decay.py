# MISTAKE (ex09_true_division_in_step_decay): step_decay uses drop ** (k / every) instead of drop ** (k // every).
"""Exercise 9 with one deliberate mistake: true division in the step-decay exponent."""
import math


def constant(k, eta=0.1):
    return eta


def inverse_time(k, eta0=1.0):
    return eta0 / k


def power_decay(k, lam=1.0, s0=1.0, p=0.5):
    return lam * (s0 / (s0 + k)) ** p


def step_decay(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * drop ** (k / every)  # should be k // every


def exponential_decay(k, eta0=0.1, gamma=0.9):
    return eta0 * gamma ** k


def cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0):
    return eta_min + (eta0 - eta_min) * (1 + math.cos(math.pi * k / total)) / 2
