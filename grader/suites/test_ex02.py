"""Hidden suite of exercise 2: the forward difference quotient and the central-difference gradient."""

import pytest

from grader.checks import describe_call
from grader.compare import Scalar, Tolerance, Tuple, Vector
from grader.sandbox.testfuncs import Objective

# Central differences agree to ~1e-10 whatever the loop; a forward difference is off by ~h f''/2.
CENTRAL = Tolerance(rtol=1e-7, atol=1e-8)


def wavy(rng, dim):
    return Objective("wavy", {"frequencies": rng.uniform(1.0, 5.0, size=dim).tolist()})


@pytest.mark.parametrize("h", [0.1, 1e-3], ids=["h0.1", "h1e-3"])
def test_difference_quotient(check, rng, h):
    f = wavy(rng, 1).f
    x = float(rng.uniform(-2, 2))
    check(lambda m: m.difference_quotient(f, x, h), Scalar(), describe_call("difference_quotient", f, x, h))


def test_difference_quotient_polynomial(check, rng):
    f = Objective("polynomial_sum", {"coefficients": [5.0, 4.0, 1.0]}).f
    x = float(rng.uniform(-3, 3))
    check(lambda m: m.difference_quotient(f, x, 0.01), Scalar(), describe_call("difference_quotient", f, x, 0.01))


@pytest.mark.points(2)
@pytest.mark.parametrize("dim", [1, 3, 10], ids=["dim1", "dim3", "dim10"])
def test_estimate_gradient(check, rng, dim):
    f = wavy(rng, dim).f
    v = rng.uniform(-2, 2, size=dim)
    check(lambda m: m.estimate_gradient(f, v), Vector(dim), describe_call("estimate_gradient", f, v), CENTRAL)


def test_leaves_v_unchanged(check, rng):
    """The statement: build the shifted points, do not modify v in place (and return the gradient)."""
    f = wavy(rng, 3).f
    v = rng.uniform(-2, 2, size=3)
    call = describe_call("estimate_gradient", f, v)
    check.unchanged(lambda m: [m.inputs_after("estimate_gradient", f, v)[1]], Tuple((Vector(3),), ("v",)), call)
    check(lambda m: m.estimate_gradient(f, v), Vector(3), call, CENTRAL)  # a function doing nothing changes nothing


def test_estimate_gradient_fast_wave(check, rng):
    """The default h on sin(ωx) with ω ≈ 300: the central difference's error, ω² h² / 6 of the
    slope (~1e-6 at h = 1e-5), is beyond the tolerance for another h (0.0001 as in the book, or
    1e-6), while its round-off (~1e-10) is far inside it."""
    f = Objective("wavy", {"frequencies": rng.uniform(200.0, 400.0, size=4).tolist()}).f
    v = rng.uniform(-2, 2, size=4)
    check(lambda m: m.estimate_gradient(f, v), Vector(4), describe_call("estimate_gradient", f, v), CENTRAL)


@pytest.mark.points(2)
def test_estimate_gradient_given_h(check, rng):
    f = wavy(rng, 4).f
    v = rng.uniform(-2, 2, size=4)
    check(lambda m: m.estimate_gradient(f, v, h=1e-3), Vector(4), describe_call("estimate_gradient", f, v, h=1e-3), CENTRAL)


@pytest.mark.list_input
def test_estimate_gradient_list(check, rng):
    f = Objective("diag_quadratic", {"scales": [1.0, 3.0], "center": [3.0, -2.0]}).f
    v = rng.uniform(-2, 2, size=2).tolist()
    check(lambda m: m.estimate_gradient(f, v), Vector(2), describe_call("estimate_gradient", f, v), CENTRAL)
