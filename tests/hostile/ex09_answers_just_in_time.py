# HOSTILE: right answers, each just before the time limit of a call (0.4 s: the tests give 0.5 s).
# ex09 has 270 planned calls: at the default limit of 10 s, 45 minutes of a batch for one student.
import math
import time

PAUSE = 0.4


def constant(k, eta=0.1):
    time.sleep(PAUSE)
    return float(eta)


def inverse_time(k, eta0=1.0):
    time.sleep(PAUSE)
    return eta0 / k


def power_decay(k, lam=1.0, s0=1.0, p=0.5):
    time.sleep(PAUSE)
    return lam * (s0 / (s0 + k)) ** p


def step_decay(k, eta0=0.1, drop=0.5, every=10):
    time.sleep(PAUSE)
    return eta0 * drop ** (k // every)


def exponential_decay(k, eta0=0.1, gamma=0.9):
    time.sleep(PAUSE)
    return eta0 * gamma**k


def cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0):
    time.sleep(PAUSE)
    return eta_min + (eta0 - eta_min) * (1 + math.cos(math.pi * k / total)) / 2
