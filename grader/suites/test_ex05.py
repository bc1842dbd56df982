"""Hidden suite of exercise 5: the MSE of y ≈ w x + b and its gradient."""

import pytest

from grader.checks import describe_call
from grader.compare import Scalar, Tuple

SIZES = [1, 5, 50]
GRADIENT = Tuple((Scalar(), Scalar()), ("dL/dw", "dL/db"))


def data(rng, n):
    x = rng.uniform(-3, 3, size=n)
    return x, 2.0 * x - 1.0 + rng.normal(scale=0.5, size=n)


@pytest.mark.parametrize("n", SIZES, ids=[f"n{n}" for n in SIZES])
def test_loss(check, rng, n):
    x, y = data(rng, n)
    w, b = rng.normal(size=2)
    check(lambda m: m.mse_loss(w, b, x, y), Scalar(), describe_call("mse_loss", w, b, x, y))


@pytest.mark.points(2)
@pytest.mark.parametrize("n", SIZES, ids=[f"n{n}" for n in SIZES])
def test_gradient(check, rng, n):
    x, y = data(rng, n)
    w, b = rng.normal(size=2)
    check(lambda m: m.mse_gradient(w, b, x, y), GRADIENT, describe_call("mse_gradient", w, b, x, y))


def test_gradient_zero_at_exact_fit(check, rng):
    x = rng.uniform(-3, 3, size=6)
    y = 1.5 * x + 0.5
    check(lambda m: m.mse_gradient(1.5, 0.5, x, y), GRADIENT, describe_call("mse_gradient", 1.5, 0.5, x, y))


@pytest.mark.list_input
def test_list_input(check, rng):
    x, y = data(rng, 4)
    x, y = x.tolist(), y.tolist()
    check(lambda m: m.mse_loss(0.3, -0.2, x, y), Scalar(), describe_call("mse_loss", 0.3, -0.2, x, y))
    check(lambda m: m.mse_gradient(0.3, -0.2, x, y), GRADIENT, describe_call("mse_gradient", 0.3, -0.2, x, y))
