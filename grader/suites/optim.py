"""Test problems shared by the optimizer suites (exercises 10–15): the grader loops the
student's update rule on them (loops.iterate, inside the worker)."""

from grader.compare import Array, Tolerance
from grader.sandbox.testfuncs import Objective

BOWL = Objective("diag_quadratic", {"scales": [1.0, 1.0], "center": [3.0, -2.0]})  # minimum (3, −2)
ILL_CONDITIONED = Objective("diag_quadratic", {"scales": [1.0, 40.0], "center": [1.0, -1.0]})
ROSENBROCK = Objective("rosenbrock", {})
TRAJECTORY = Tolerance(rtol=1e-7, atol=1e-9)
START = [-1.0, 1.5]


def path(rule, q, w0, state, steps, **options):
    """The expression `m.iterate(rule, q.grad, w0, state, steps, ...)` and its answer's spec."""
    return (lambda m: m.iterate(rule, q.grad, w0, state, steps, **options)), Array((steps + 1, len(w0)))
