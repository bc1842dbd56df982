"""Hidden suite of exercise 4: gradient descent, every iterate, three stopping rules."""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Array, Tolerance
from grader.sandbox.testfuncs import Objective
from grader.suites.descent import start_clear_of_tol

TRAJECTORY = Tolerance(rtol=1e-7, atol=1e-9)
BOWL = Objective("diag_quadratic", {"scales": [1.0, 1.0], "center": [3.0, -2.0]})  # slides: minimum (3, −2)
PARABOLA = Objective("polynomial_sum", {"coefficients": [5.0, 4.0, 1.0]})  # slides: x² + 4x + 5
PARABOLA_AS_BOWL = Objective("diag_quadratic", {"scales": [1.0], "center": [-2.0]})  # (x + 2)² + 1: where its runs stop


def run(q, x0, **options):
    return lambda m: m.gradient_descent(q.grad, x0, **options)


@pytest.mark.points(2)
def test_bowl_trajectory(check, rng):
    x0 = start_clear_of_tol(lambda: rng.uniform(-5, 5, size=2), BOWL, 0.1)
    check(run(BOWL, x0, learning_rate=0.1), Array((None, 2)), describe_call("gradient_descent", BOWL.grad, x0, learning_rate=0.1), TRAJECTORY)


@pytest.mark.points(2)
def test_bowl_converges(check, rng):
    x0 = rng.uniform(-5, 5, size=2)
    call = describe_call("gradient_descent", BOWL.grad, x0, learning_rate=0.2)
    check.converges(run(BOWL, x0, learning_rate=0.2), Array((None, 2)), call, [3.0, -2.0], atol=1e-6, margin=2)


@pytest.mark.list_input
def test_parabola_default_arguments(check, rng):
    x0 = start_clear_of_tol(lambda: [float(rng.uniform(-4, 4))], PARABOLA_AS_BOWL, 0.1)
    check(run(PARABOLA, x0), Array((None, 1)), describe_call("gradient_descent", PARABOLA.grad, x0), TRAJECTORY)


@pytest.mark.points(2)
def test_ill_conditioned(check, rng):
    q = Objective("diag_quadratic", {"scales": [1.0, 25.0], "center": rng.normal(size=2).tolist()})
    x0 = start_clear_of_tol(lambda: rng.uniform(-3, 3, size=2), q, 0.035, max_steps=300)
    check(run(q, x0, learning_rate=0.035, max_steps=300), Array((None, 2)),
          describe_call("gradient_descent", q.grad, x0, learning_rate=0.035, max_steps=300), TRAJECTORY)


def test_rosenbrock(check, rng):
    q = Objective("rosenbrock", {})
    x0 = np.array([-1.2, 1.0]) + rng.uniform(-0.1, 0.1, size=2)
    check(run(q, x0, learning_rate=1e-3, max_steps=200), Array((None, 2)),
          describe_call("gradient_descent", q.grad, x0, learning_rate=1e-3, max_steps=200), TRAJECTORY)


@pytest.mark.parametrize("dim", [5, 50], ids=["dim5", "dim50"])
def test_many_dimensions(check, rng, dim):
    q = Objective("diag_quadratic", {"scales": rng.uniform(0.5, 2.0, size=dim).tolist(), "center": rng.normal(size=dim).tolist()})
    x0 = start_clear_of_tol(lambda: rng.normal(size=dim), q, 0.1, max_steps=200)
    check(run(q, x0, learning_rate=0.1, max_steps=200), Array((None, dim)),
          describe_call("gradient_descent", q.grad, x0, learning_rate=0.1, max_steps=200), TRAJECTORY)


def test_default_max_steps(check, rng):
    """A shallow bowl (a ≈ 0.001): at the default η = 0.1 each step shrinks the distance by
    ~0.9997 and stays ~1e-4 long, far above tol, so the run ends at the default max_steps = 1000
    (1001 iterates); another default (500, 10000) gives another number of iterates."""
    q = Objective("diag_quadratic", {"scales": rng.uniform(0.0005, 0.002, size=2).tolist(), "center": rng.normal(size=2).tolist()})
    x0 = rng.uniform(-5, 5, size=2)
    check(run(q, x0), Array((None, 2)), describe_call("gradient_descent", q.grad, x0), TRAJECTORY)


def test_stops_at_max_steps(check):
    check(run(BOWL, [0.0, 0.0], learning_rate=0.01, max_steps=5), Array((6, 2)),
          describe_call("gradient_descent", BOWL.grad, [0.0, 0.0], learning_rate=0.01, max_steps=5))


def test_stops_at_tolerance(check):
    check(run(BOWL, [0.0, 0.0], learning_rate=0.3, tol=1e-3), Array((None, 2)),
          describe_call("gradient_descent", BOWL.grad, [0.0, 0.0], learning_rate=0.3, tol=1e-3))


def test_tolerance_is_strict(check):
    """The first step is exactly tol long (0.25 · 2 = 0.5, exact in binary): ‖x₁ − x₀‖ < tol is
    false, so a second step is taken (3 iterates); `<=` would stop after one."""
    check(run(BOWL, [4.0, -2.0], learning_rate=0.25, tol=0.5), Array((None, 2)),
          describe_call("gradient_descent", BOWL.grad, [4.0, -2.0], learning_rate=0.25, tol=0.5))


def test_tolerance_is_euclidean(check):
    """Steps along (1, 1) from (4, −1), halving: the first is (−0.5, −0.5), its length
    √0.5 ≈ 0.71 is not below tol = 0.6 though each coordinate is, so a second step is taken;
    the largest coordinate, max|u_i|, would stop after one. Exact in binary, whatever the seed."""
    check(run(BOWL, [4.0, -1.0], learning_rate=0.25, tol=0.6), Array((None, 2)),
          describe_call("gradient_descent", BOWL.grad, [4.0, -1.0], learning_rate=0.25, tol=0.6))


def test_stop_measures_the_step_not_the_gradient(check, rng):
    """lr 4 on a flat bowl (a in [0.06, 0.08]): the step is 4 times the gradient, and the gradient
    shrinks by 0.36–0.52 a step, so some iterate has ‖∇f‖ < tol while its step is not below tol:
    the run goes on. A stop on the gradient's norm as well as on the step (two criteria at once) ends
    earlier; at lr ≤ 1 the step's stop always comes first, so no other test tells them apart."""
    q = Objective("diag_quadratic", {"scales": rng.uniform(0.06, 0.08, size=2).tolist(), "center": rng.normal(size=2).tolist()})
    x0 = start_clear_of_tol(lambda: rng.uniform(-3, 3, size=2), q, 4.0)
    check(run(q, x0, learning_rate=4.0), Array((None, 2)), describe_call("gradient_descent", q.grad, x0, learning_rate=4.0), TRAJECTORY)


def test_stops_when_diverging(check, rng):
    """lr too large: |x| grows ×19 per step until it overflows; the non-finite iterate is kept."""
    q = Objective("polynomial_sum", {"coefficients": [0.0, 0.0, 1.0]})
    x0 = [float(rng.uniform(1, 2))]
    check(run(q, x0, learning_rate=10.0), Array((None, 1)), describe_call("gradient_descent", q.grad, x0, learning_rate=10.0))


def test_stops_when_one_coordinate_diverges(check, rng):
    """lr 0.2 on scales (0.5, 25): the first coordinate settles (×0.8 a step), the second grows ×9
    until it overflows after ~320 steps, alone: that iterate, one coordinate infinite, ends the
    run. A run that waits for every coordinate to be non-finite goes on, with nan, to max_steps."""
    q = Objective("diag_quadratic", {"scales": [0.5, 25.0], "center": rng.normal(size=2).tolist()})
    x0 = np.asarray(q.params["center"]) + rng.uniform(0.5, 2.0, size=2)
    check(run(q, x0, learning_rate=0.2), Array((None, 2)), describe_call("gradient_descent", q.grad, x0, learning_rate=0.2))


def test_stops_at_a_nan(check, rng):
    """f = Σ x log x with lr 3 steps past 0 into negative x, where log gives nan: that iterate is
    all nan (no inf) and ends the run; a test for ±inf alone would go on to max_steps."""
    q = Objective("entropy", {})
    x0 = rng.uniform(0.3, 2.0, size=2)
    check(run(q, x0, learning_rate=3.0), Array((None, 2)), describe_call("gradient_descent", q.grad, x0, learning_rate=3.0))
