"""Exercise 9 with the decays as repeated multiplication (k factors γ, k // every factors drop:
the rounding of each product accumulates), the cosine as cos²(πk / 2T) = (1 + cos(πk / T)) / 2
with numpy, and the powers through exp and log."""

import math

import numpy as np


def constant(k, eta=0.1):
    return eta


def inverse_time(k, eta0=1.0):
    return eta0 * k**-1.0


def power_decay(k, lam=1.0, s0=1.0, p=0.5):
    return lam * math.exp(p * (math.log(s0) - math.log(s0 + k)))


def step_decay(k, eta0=0.1, drop=0.5, every=10):
    eta = eta0
    for _ in range(int(k / every)):
        eta *= drop
    return eta


def exponential_decay(k, eta0=0.1, gamma=0.9):
    eta = eta0
    for _ in range(k):
        eta *= gamma
    return eta


def cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0):
    return eta_min + (eta0 - eta_min) * np.cos(np.pi * k / (2 * total)) ** 2
