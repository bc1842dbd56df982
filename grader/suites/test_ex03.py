"""Hidden suite of exercise 3: gradient_step(v, gradient, step_size) = v + step_size · gradient."""

import pytest

from grader.checks import describe_call
from grader.compare import Vector

DIMS = [1, 2, 7, 50]


@pytest.mark.list_input
def test_lecture_example(check):
    v, g = [1.0, 2.0], [0.5, -1.0]
    check(lambda m: m.gradient_step(v, g, -0.1), Vector(2), describe_call("gradient_step", v, g, -0.1))


@pytest.mark.points(2)
@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_descent_step(check, rng, dim):
    v, g = rng.normal(size=dim), rng.normal(size=dim)
    step = -float(rng.uniform(0.01, 1.0))
    check(lambda m: m.gradient_step(v, g, step), Vector(dim), describe_call("gradient_step", v, g, step))


def test_positive_step(check, rng):
    v, g = rng.normal(size=5), rng.normal(size=5)
    check(lambda m: m.gradient_step(v, g, 0.3), Vector(5), describe_call("gradient_step", v, g, 0.3))


@pytest.mark.list_input
def test_list_input(check, rng):
    v, g = rng.normal(size=3).tolist(), rng.normal(size=3).tolist()
    check(lambda m: m.gradient_step(v, g, -0.5), Vector(3), describe_call("gradient_step", v, g, -0.5))
