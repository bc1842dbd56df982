# MISTAKE (ex09_k_shifted): k treated as counted from 0 (k − 1 or k + 1 in the formulas).
"""Exercise 9 with one deliberate mistake: the step number shifted by one."""
import math


def constant(k, eta=0.1):
    return eta


def inverse_time(k, eta0=1.0):
    return eta0 / (k + 1)


def power_decay(k, lam=1.0, s0=1.0, p=0.5):
    return lam * (s0 / (s0 + k - 1)) ** p


def step_decay(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * drop ** ((k - 1) // every)


def exponential_decay(k, eta0=0.1, gamma=0.9):
    return eta0 * gamma ** (k - 1)


def cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0):
    return eta_min + (eta0 - eta_min) * (1 + math.cos(math.pi * (k - 1) / total)) / 2
