"""Hidden suite of exercise 8: mini-batches and mini-batch gradient descent."""

import pytest

from grader.checks import Code, describe_call
from grader.compare import IndexGroups, Scalar, Tolerance, Tuple, Vector
from grader.sandbox.protocol import RngSpec
from grader.suites.regression import linear_data

FIT = Tolerance(rtol=1e-8, atol=1e-10)
CUTS = [(10, 3), (32, 32), (7, 10), (23, 5), (12, 4)]


def fitted(epochs):
    return Tuple((Scalar(), Scalar(), Vector(epochs)), ("w", "b", "losses"))


@pytest.mark.parametrize(("n", "size"), CUTS, ids=[f"n{n}_b{b}" for n, b in CUTS])
def test_minibatches(check, rng, n, size):
    generator = RngSpec(int(rng.integers(10_000)))
    check(lambda m: m.minibatches(n, size, generator), IndexGroups(), describe_call("minibatches", n, size, Code(f"np.random.default_rng({generator.seed})")))


@pytest.mark.points(2)
@pytest.mark.parametrize("size", [4, 7], ids=["b4", "b7"])
def test_fit(check, rng, size):
    x, y = linear_data(rng, 30)
    seed = int(rng.integers(1000))
    check(lambda m: m.fit_linear_minibatch(x, y, learning_rate=0.05, epochs=10, batch_size=size, seed=seed), fitted(10),
          describe_call("fit_linear_minibatch", x, y, learning_rate=0.05, epochs=10, batch_size=size, seed=seed), FIT)


@pytest.mark.parametrize("size", [1, 15], ids=["sgd_b1", "batch_bn"])
def test_equals_sgd_and_batch(check, rng, size):
    """batch_size 1 is ex07's SGD, batch_size n is ex06's batch GD."""
    x, y = linear_data(rng, 15)
    check(lambda m: m.fit_linear_minibatch(x, y, learning_rate=0.02, epochs=8, batch_size=size, seed=5), fitted(8),
          describe_call("fit_linear_minibatch", x, y, learning_rate=0.02, epochs=8, batch_size=size, seed=5), FIT)


def test_initial_values(check, rng):
    x, y = linear_data(rng, 12)
    w0, b0 = rng.normal(size=2)
    check(lambda m: m.fit_linear_minibatch(x, y, learning_rate=0.05, epochs=5, batch_size=5, seed=7, w0=w0, b0=b0), fitted(5),
          describe_call("fit_linear_minibatch", x, y, learning_rate=0.05, epochs=5, batch_size=5, seed=7, w0=w0, b0=b0), FIT)


def test_default_arguments(check, rng):
    x, y = linear_data(rng, 70)
    check(lambda m: m.fit_linear_minibatch(x, y), fitted(100), describe_call("fit_linear_minibatch", x, y), FIT)


@pytest.mark.list_input
def test_list_input(check, rng):
    x, y = linear_data(rng, 9)
    x, y = x.tolist(), y.tolist()
    check(lambda m: m.fit_linear_minibatch(x, y, epochs=3, batch_size=4), fitted(3),
          describe_call("fit_linear_minibatch", x, y, epochs=3, batch_size=4), FIT)
