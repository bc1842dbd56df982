"""Hidden suite of exercise 9: learning-rate schedules η_k, k = 1, 2, …"""

import pytest

from grader.checks import Code, DefaultsCall, describe_calls
from grader.compare import Vector

STEPS = list(range(1, 41))
EVERY_STEP = f"k in range({STEPS[0]}, {STEPS[-1] + 1})"  # as the student would write STEPS
K = Code("k")


def schedule(name, **params):
    return lambda m: [getattr(m, name)(k, **params) for k in STEPS]


def test_constant(check, rng):
    eta = float(rng.uniform(0.01, 1))
    check(schedule("constant", eta=eta), Vector(len(STEPS)), describe_calls(EVERY_STEP, "constant", K, eta=eta))


def test_inverse_time(check, rng):
    eta0 = float(rng.uniform(0.1, 2))
    check(schedule("inverse_time", eta0=eta0), Vector(len(STEPS)), describe_calls(EVERY_STEP, "inverse_time", K, eta0=eta0))


def test_power_decay(check, rng):
    lam, s0, p = (float(v) for v in rng.uniform([0.1, 0.5, 0.2], [2, 5, 1.5]))
    check(schedule("power_decay", lam=lam, s0=s0, p=p), Vector(len(STEPS)), describe_calls(EVERY_STEP, "power_decay", K, lam=lam, s0=s0, p=p))


@pytest.mark.points(2)
def test_step_decay(check, rng):
    eta0, drop = float(rng.uniform(0.05, 1)), float(rng.uniform(0.2, 0.8))
    every = int(rng.integers(3, 12))
    check(schedule("step_decay", eta0=eta0, drop=drop, every=every), Vector(len(STEPS)),
          describe_calls(EVERY_STEP, "step_decay", K, eta0=eta0, drop=drop, every=every))


def test_exponential_decay(check, rng):
    eta0, gamma = float(rng.uniform(0.05, 1)), float(rng.uniform(0.8, 0.99))
    check(schedule("exponential_decay", eta0=eta0, gamma=gamma), Vector(len(STEPS)),
          describe_calls(EVERY_STEP, "exponential_decay", K, eta0=eta0, gamma=gamma))


def test_cosine_annealing(check, rng):
    eta0, eta_min = float(rng.uniform(0.1, 1)), float(rng.uniform(0, 0.05))
    check(schedule("cosine_annealing", eta0=eta0, total=40, eta_min=eta_min), Vector(len(STEPS)),
          describe_calls(EVERY_STEP, "cosine_annealing", K, eta0=eta0, total=40, eta_min=eta_min))


DEFAULT_STEPS = (1, 7, 9, 10, 25)  # 9 and 10: step_decay's first drop, at k = every = 10 and not before


def test_default_arguments(check):
    names = ["constant", "inverse_time", "power_decay", "step_decay", "exponential_decay", "cosine_annealing"]
    check(lambda m: [getattr(m, name)(k) for name in names for k in DEFAULT_STEPS], Vector(len(DEFAULT_STEPS) * len(names)),
          DefaultsCall("[s(k) for s in (constant, inverse_time, power_decay, step_decay, exponential_decay, "
                       f"cosine_annealing) for k in {DEFAULT_STEPS}]", names))
