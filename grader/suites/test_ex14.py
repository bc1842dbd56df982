"""Hidden suite of exercise 14: Adam with bias correction, t from 1, ε outside the root."""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Tuple, Vector
from grader.suites.optim import BOWL, ILL_CONDITIONED, START, TRAJECTORY, path

DIMS = [1, 3, 50]


def triple(dim):
    return Tuple((Vector(dim), Vector(dim), Vector(dim)), ("w_new", "m_new", "v_new"))


@pytest.mark.points(2)
@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_single_step(check, rng, dim):
    w, g, m = rng.normal(size=(3, dim))
    v = rng.uniform(0, 2, size=dim)
    t = int(rng.integers(1, 6))
    check(lambda mod: mod.adam_update(w, g, m, v, t, learning_rate=0.01), triple(dim),
          describe_call("adam_update", w, g, m, v, t, learning_rate=0.01))


def test_leaves_w_m_and_v_unchanged(check, rng):
    """The statement: return new vectors, the right ones, and do not modify w, m or v in place."""
    w, g, m = rng.normal(size=(3, 3))
    v = rng.uniform(0, 2, size=3)
    after = lambda mod: mod.inputs_after("adam_update", w, g, m, v, 2, learning_rate=0.01)  # noqa: E731
    call = describe_call("adam_update", w, g, m, v, 2, learning_rate=0.01)
    check.unchanged(lambda mod: (lambda args: [args[0], args[2], args[3]])(after(mod)),
                    Tuple((Vector(3), Vector(3), Vector(3)), ("w", "m", "v")), call)
    check(lambda mod: mod.adam_update(w, g, m, v, 2, learning_rate=0.01), triple(3), call)  # a function doing nothing changes nothing


def test_first_step(check, rng):
    w, g = rng.normal(size=(2, 3))
    zeros = np.zeros(3)
    check(lambda mod: mod.adam_update(w, g, zeros, zeros, 1), triple(3), describe_call("adam_update", w, g, zeros, zeros, 1))


def test_small_gradients(check, rng):
    """Gradients of 1e-4: v̂ ≈ 1e-8 ≈ ε, where ε's place (inside or outside the root) shows."""
    w = rng.normal(size=3)
    g = rng.uniform(0.5e-4, 2e-4, size=3)
    zeros = np.zeros(3)
    check(lambda mod: mod.adam_update(w, g, zeros, zeros, 1, learning_rate=0.1), triple(3),
          describe_call("adam_update", w, g, zeros, zeros, 1, learning_rate=0.1))


@pytest.mark.list_input
def test_list_input(check, rng):
    w, g, m, v = rng.uniform(0.1, 1, size=(4, 2)).tolist()
    check(lambda mod: mod.adam_update(w, g, m, v, 3, 0.01), triple(2), describe_call("adam_update", w, g, m, v, 3, 0.01))


@pytest.mark.points(2)
@pytest.mark.parametrize("problem", ["bowl", "ill_conditioned"])
def test_trajectory(check, problem):
    q = {"bowl": BOWL, "ill_conditioned": ILL_CONDITIONED}[problem]
    expression, spec = path("adam_update", q, START, (np.zeros(2), np.zeros(2)), 80, with_t=True, learning_rate=0.05)
    check(expression, spec, f"loop(adam_update, {problem}, steps=80)", TRAJECTORY)


@pytest.mark.points(2)
def test_converges(check):
    expression, spec = path("adam_update", BOWL, START, (np.zeros(2), np.zeros(2)), 260, with_t=True, learning_rate=0.05)
    check.converges(expression, spec, "loop(adam_update, bowl, minimum=(3, −2))", [3.0, -2.0], atol=1e-3, margin=10)
