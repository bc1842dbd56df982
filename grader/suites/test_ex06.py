"""Hidden suite of exercise 6: batch gradient descent for linear regression."""

import pytest

from grader.checks import describe_call
from grader.compare import Scalar, Tolerance, Tuple, Vector
from grader.suites.regression import linear_data

FIT = Tolerance(rtol=1e-8, atol=1e-10)


def fitted(epochs):
    return Tuple((Scalar(), Scalar(), Vector(epochs)), ("w", "b", "losses"))


@pytest.mark.points(2)
def test_few_epochs(check, rng):
    x, y = linear_data(rng, 30)
    check(lambda m: m.fit_linear_batch(x, y, learning_rate=0.05, epochs=20), fitted(20),
          describe_call("fit_linear_batch", x, y, learning_rate=0.05, epochs=20), FIT)


@pytest.mark.points(2)
def test_default_arguments(check, rng):
    x, y = linear_data(rng, 40)
    check(lambda m: m.fit_linear_batch(x, y), fitted(1000), describe_call("fit_linear_batch", x, y), FIT)


def test_initial_values(check, rng):
    x, y = linear_data(rng, 10)
    w0, b0 = rng.normal(size=2)
    check(lambda m: m.fit_linear_batch(x, y, learning_rate=0.1, epochs=15, w0=w0, b0=b0), fitted(15),
          describe_call("fit_linear_batch", x, y, learning_rate=0.1, epochs=15, w0=w0, b0=b0), FIT)


@pytest.mark.list_input
def test_list_input(check, rng):
    x, y = linear_data(rng, 8)
    x, y = x.tolist(), y.tolist()
    check(lambda m: m.fit_linear_batch(x, y, learning_rate=0.1, epochs=10), fitted(10),
          describe_call("fit_linear_batch", x, y, learning_rate=0.1, epochs=10), FIT)
