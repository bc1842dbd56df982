"""Exercise 9: learning-rate schedules with math only."""

import math


def constant(k, eta=0.1):
    return float(eta)


def inverse_time(k, eta0=1.0):
    return eta0 / k


def power_decay(k, lam=1.0, s0=1.0, p=0.5):
    return lam * math.pow(s0 / (s0 + k), p)


def step_decay(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * math.pow(drop, k // every)


def exponential_decay(k, eta0=0.1, gamma=0.9):
    return eta0 * math.pow(gamma, k)


def cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0):
    return eta_min + 0.5 * (eta0 - eta_min) * (1.0 + math.cos(math.pi * k / total))
