"""Hidden suite of exercise 11: Nesterov, g = ∇f(w − α h), h_new = α h + η g, w_new = w − h_new."""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Tuple, Vector
from grader.sandbox.testfuncs import Objective
from grader.suites.optim import BOWL, ILL_CONDITIONED, START, TRAJECTORY, path

DIMS = [1, 3, 50]


def pair(dim):
    return Tuple((Vector(dim), Vector(dim)), ("w_new", "h_new"))


@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_single_step(check, rng, dim):
    q = Objective("wavy", {"frequencies": rng.uniform(0.5, 3, size=dim).tolist()})
    w, h = rng.normal(size=(2, dim))
    lr, alpha = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.3, 0.95))
    check(lambda m: m.nesterov_update(w, q.grad, h, learning_rate=lr, alpha=alpha), pair(dim),
          describe_call("nesterov_update", w, q.grad, h, learning_rate=lr, alpha=alpha))


def test_leaves_w_and_h_unchanged(check, rng):
    """The statement: return new vectors, the right ones, and do not modify w or h in place."""
    q = Objective("wavy", {"frequencies": rng.uniform(0.5, 3, size=3).tolist()})
    w, h = rng.normal(size=(2, 3))
    after = lambda m: m.inputs_after("nesterov_update", w, q.grad, h, learning_rate=0.1, alpha=0.9)  # noqa: E731
    call = describe_call("nesterov_update", w, q.grad, h, learning_rate=0.1, alpha=0.9)
    check.unchanged(lambda m: (lambda args: [args[0], args[2]])(after(m)), Tuple((Vector(3), Vector(3)), ("w", "h")), call)
    check(lambda m: m.nesterov_update(w, q.grad, h, learning_rate=0.1, alpha=0.9), pair(3), call)  # a function doing nothing changes nothing


def test_default_arguments(check, rng):
    w, h = rng.normal(size=(2, 2))
    check(lambda m: m.nesterov_update(w, ILL_CONDITIONED.grad, h), pair(2), describe_call("nesterov_update", w, ILL_CONDITIONED.grad, h))


@pytest.mark.list_input
def test_list_input(check, rng):
    w, h = rng.normal(size=(2, 2)).tolist()
    check(lambda m: m.nesterov_update(w, BOWL.grad, h, 0.1, 0.5), pair(2), describe_call("nesterov_update", w, BOWL.grad, h, 0.1, 0.5))


@pytest.mark.points(2)
@pytest.mark.parametrize("problem", ["bowl", "ill_conditioned"])
def test_trajectory(check, problem):
    q = {"bowl": BOWL, "ill_conditioned": ILL_CONDITIONED}[problem]
    expression, spec = path("nesterov_update", q, START, (np.zeros(2),), 80, pass_callable=True, learning_rate=0.01, alpha=0.9)
    check(expression, spec, f"loop(nesterov_update, {problem}, steps=80)", TRAJECTORY)


@pytest.mark.points(2)
def test_converges(check):
    expression, spec = path("nesterov_update", BOWL, START, (np.zeros(2),), 120, pass_callable=True, learning_rate=0.05, alpha=0.8)
    check.converges(expression, spec, "loop(nesterov_update, bowl, minimum=(3, −2))", [3.0, -2.0], atol=1e-6, margin=5)
