"""Hidden suite of exercise 13: RMSprop, G_new = α G + (1 − α) g², w_new = w − η g / √(G_new + ε).

The loops keep a small lr: near the optimum a large one amplifies round-off (the curriculum's warning).
"""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Tolerance, Tuple, Vector
from grader.suites.optim import BOWL, ILL_CONDITIONED, START, path

DIMS = [1, 3, 50]
RMS_TRAJECTORY = Tolerance(rtol=1e-6, atol=1e-8)


def pair(dim):
    return Tuple((Vector(dim), Vector(dim)), ("w_new", "G_new"))


@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_single_step(check, rng, dim):
    w, g = rng.normal(size=(2, dim))
    G = rng.uniform(0, 3, size=dim)
    lr, alpha = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.5, 0.99))
    check(lambda m: m.rmsprop_update(w, g, G, learning_rate=lr, alpha=alpha), pair(dim),
          describe_call("rmsprop_update", w, g, G, learning_rate=lr, alpha=alpha))


def test_leaves_w_and_g_unchanged(check, rng):
    """The statement: return new vectors, the right ones, and do not modify w or G in place."""
    w, g = rng.normal(size=(2, 3))
    G = rng.uniform(0, 3, size=3)
    after = lambda m: m.inputs_after("rmsprop_update", w, g, G, learning_rate=0.1, alpha=0.9)  # noqa: E731
    call = describe_call("rmsprop_update", w, g, G, learning_rate=0.1, alpha=0.9)
    check.unchanged(lambda m: (lambda args: [args[0], args[2]])(after(m)), Tuple((Vector(3), Vector(3)), ("w", "G")), call)
    check(lambda m: m.rmsprop_update(w, g, G, learning_rate=0.1, alpha=0.9), pair(3), call)  # a function doing nothing changes nothing


def test_default_arguments(check, rng):
    w, g = rng.normal(size=(2, 3))
    G = rng.uniform(0, 1, size=3)
    check(lambda m: m.rmsprop_update(w, g, G), pair(3), describe_call("rmsprop_update", w, g, G))


def test_small_gradients(check, rng):
    """Gradients near √ε from a G about ε: G_new = α G + (1 − α) g² is about ε, where ε's place
    shows. (From G = 0, G_new = (1 − α) g² with PyTorch's α = 0.99 is ((1 − 0.9) g)², the square
    of the average with the statement's α: a wrong default would be named as that mistake.)"""
    w = rng.normal(size=4)
    g = rng.choice([-1.0, 1.0], size=4) * rng.uniform(1e-4, 5e-4, size=4)
    G = rng.uniform(0.5e-8, 2e-8, size=4)
    check(lambda m: m.rmsprop_update(w, g, G), pair(4), describe_call("rmsprop_update", w, g, G))


@pytest.mark.list_input
def test_list_input(check, rng):
    w, g, G = rng.uniform(0.1, 1, size=(3, 2)).tolist()
    check(lambda m: m.rmsprop_update(w, g, G, 0.1, 0.8), pair(2), describe_call("rmsprop_update", w, g, G, 0.1, 0.8))


@pytest.mark.points(2)
@pytest.mark.parametrize("problem", ["bowl", "ill_conditioned"])
def test_trajectory(check, problem):
    q = {"bowl": BOWL, "ill_conditioned": ILL_CONDITIONED}[problem]
    expression, spec = path("rmsprop_update", q, START, (np.zeros(2),), 100, learning_rate=0.01, alpha=0.9)
    check(expression, spec, f"loop(rmsprop_update, {problem}, steps=100)", RMS_TRAJECTORY)


@pytest.mark.points(2)
def test_converges(check):
    expression, spec = path("rmsprop_update", BOWL, START, (np.zeros(2),), 480, learning_rate=0.01, alpha=0.9)
    check.converges(expression, spec, "loop(rmsprop_update, bowl, minimum=(3, −2))", [3.0, -2.0], atol=2e-2, margin=10)
