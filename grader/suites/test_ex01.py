"""Hidden suite of exercise 1: f(v) = Σ v_i² and ∇f(v) = 2v."""

import pytest

from grader.checks import describe_call
from grader.compare import Scalar, Vector

DIMS = [1, 2, 3, 10, 50]


@pytest.mark.list_input
def test_lecture_example(check):
    """The lecture's f(v) = v1² + v2² + v3² at (1, 2, 3)."""
    v = [1.0, 2.0, 3.0]
    check(lambda m: m.sum_of_squares(v), Scalar(), describe_call("sum_of_squares", v))
    check(lambda m: m.sum_of_squares_gradient(v), Vector(3), describe_call("sum_of_squares_gradient", v))


@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_sum_of_squares(check, rng, dim):
    v = rng.normal(scale=3.0, size=dim)
    check(lambda m: m.sum_of_squares(v), Scalar(), describe_call("sum_of_squares", v))


@pytest.mark.points(2)
@pytest.mark.parametrize("dim", DIMS, ids=[f"dim{d}" for d in DIMS])
def test_gradient(check, rng, dim):
    v = rng.normal(scale=3.0, size=dim)
    check(lambda m: m.sum_of_squares_gradient(v), Vector(dim), describe_call("sum_of_squares_gradient", v))


@pytest.mark.list_input
def test_list_input(check, rng):
    v = rng.normal(size=4).tolist()
    check(lambda m: m.sum_of_squares(v), Scalar(), describe_call("sum_of_squares", v))
    check(lambda m: m.sum_of_squares_gradient(v), Vector(4), describe_call("sum_of_squares_gradient", v))
