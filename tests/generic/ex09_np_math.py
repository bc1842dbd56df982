"""Exercise 9 with the cosine through np.math, numpy's old alias of the math module (deprecated
in numpy 1.25, gone in 2.0): right where numpy still has it."""
import numpy as np


def constant(k, eta=0.1):
    return float(eta)


def inverse_time(k, eta0=1.0):
    return eta0 / k


def power_decay(k, lam=1.0, s0=1.0, p=0.5):
    return lam * (s0 / (s0 + k)) ** p


def step_decay(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * drop ** (k // every)


def exponential_decay(k, eta0=0.1, gamma=0.9):
    return eta0 * gamma**k


def cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0):
    return eta_min + (eta0 - eta_min) * (1 + np.math.cos(np.math.pi * k / total)) / 2
