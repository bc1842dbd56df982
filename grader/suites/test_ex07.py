"""Hidden suite of exercise 7: stochastic gradient descent with the exact RNG protocol."""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Scalar, Tolerance, Tuple, Vector
from grader.suites.regression import linear_data

FIT = Tolerance(rtol=1e-8, atol=1e-10)


def fitted(epochs):
    return Tuple((Scalar(), Scalar(), Vector(epochs)), ("w", "b", "losses"))


@pytest.mark.points(2)
@pytest.mark.parametrize("n", [5, 20], ids=["n5", "n20"])
def test_trajectory(check, rng, n):
    x, y = linear_data(rng, n)
    seed = int(rng.integers(1000))
    while np.array_equal(np.random.default_rng(seed).permutation(n), np.arange(n)):
        # The first epoch's order would be 0, 1, …, n − 1: visiting the samples in order and
        # drawing the same order every epoch would give the same answer, and be named alike.
        seed = int(rng.integers(1000))
    check(lambda m: m.fit_linear_sgd(x, y, learning_rate=0.02, epochs=15, seed=seed), fitted(15),
          describe_call("fit_linear_sgd", x, y, learning_rate=0.02, epochs=15, seed=seed), FIT)


def test_default_arguments(check, rng):
    x, y = linear_data(rng, 25)
    check(lambda m: m.fit_linear_sgd(x, y), fitted(100), describe_call("fit_linear_sgd", x, y), FIT)


def test_initial_values(check, rng):
    x, y = linear_data(rng, 12)
    w0, b0 = rng.normal(size=2)
    check(lambda m: m.fit_linear_sgd(x, y, learning_rate=0.01, epochs=5, seed=7, w0=w0, b0=b0), fitted(5),
          describe_call("fit_linear_sgd", x, y, learning_rate=0.01, epochs=5, seed=7, w0=w0, b0=b0), FIT)


@pytest.mark.list_input
def test_list_input(check, rng):
    x, y = linear_data(rng, 6)
    x, y = x.tolist(), y.tolist()
    check(lambda m: m.fit_linear_sgd(x, y, epochs=4, seed=3), fitted(4), describe_call("fit_linear_sgd", x, y, epochs=4, seed=3), FIT)
