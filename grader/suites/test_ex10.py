"""Hidden suite of exercise 10: Momentum, h_new = α h + η ∇f(w), w_new = w − h_new."""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Tuple, Vector
from grader.suites.optim import BOWL, ILL_CONDITIONED, ROSENBROCK, START, TRAJECTORY, path

DIMS = [1, 3, 50]


def pair(dim):
    return Tuple((Vector(dim), Vector(dim)), ("w_new", "h_new"))


@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_single_step(check, rng, dim):
    w, g, h = rng.normal(size=(3, dim))
    lr, alpha = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.1, 0.95))
    check(lambda m: m.momentum_update(w, g, h, learning_rate=lr, alpha=alpha), pair(dim),
          describe_call("momentum_update", w, g, h, learning_rate=lr, alpha=alpha))


def test_leaves_w_and_h_unchanged(check, rng):
    """The statement: return new vectors, the right ones, and do not modify w or h in place."""
    w, g, h = rng.normal(size=(3, 3))
    after = lambda m: m.inputs_after("momentum_update", w, g, h, learning_rate=0.1, alpha=0.8)  # noqa: E731
    call = describe_call("momentum_update", w, g, h, learning_rate=0.1, alpha=0.8)
    check.unchanged(lambda m: (lambda args: [args[0], args[2]])(after(m)), Tuple((Vector(3), Vector(3)), ("w", "h")), call)
    check(lambda m: m.momentum_update(w, g, h, learning_rate=0.1, alpha=0.8), pair(3), call)  # a function doing nothing changes nothing


def test_default_arguments(check, rng):
    w, g, h = rng.normal(size=(3, 4))
    check(lambda m: m.momentum_update(w, g, h), pair(4), describe_call("momentum_update", w, g, h))


@pytest.mark.list_input
def test_list_input(check, rng):
    w, g, h = rng.normal(size=(3, 2)).tolist()
    check(lambda m: m.momentum_update(w, g, h, 0.1, 0.5), pair(2), describe_call("momentum_update", w, g, h, 0.1, 0.5))


@pytest.mark.points(2)
@pytest.mark.parametrize("problem", ["bowl", "ill_conditioned"])
def test_trajectory(check, problem):
    q = {"bowl": BOWL, "ill_conditioned": ILL_CONDITIONED}[problem]
    expression, spec = path("momentum_update", q, START, (np.zeros(2),), 80, learning_rate=0.01, alpha=0.9)
    check(expression, spec, f"loop(momentum_update, {problem}, steps=80)", TRAJECTORY)


def test_rosenbrock(check):
    expression, spec = path("momentum_update", ROSENBROCK, [-1.2, 1.0], (np.zeros(2),), 150, learning_rate=2e-4, alpha=0.9)
    check(expression, spec, "loop(momentum_update, rosenbrock, steps=150)", TRAJECTORY)


@pytest.mark.points(2)
def test_converges(check):
    expression, spec = path("momentum_update", BOWL, START, (np.zeros(2),), 160, learning_rate=0.05, alpha=0.8)
    check.converges(expression, spec, "loop(momentum_update, bowl, minimum=(3, −2))", [3.0, -2.0], atol=1e-6, margin=5)
