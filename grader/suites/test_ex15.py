"""Hidden suite of exercise 15: Adam with L2 weight decay (added to the gradient) and AMSGrad."""

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Dict, Tuple, Vector
from grader.suites.optim import BOWL, ILL_CONDITIONED, START, TRAJECTORY, path

OPTIONS = [(0.0, False), (0.1, False), (0.0, True), (0.05, True)]
IDS = ["plain", "decay", "amsgrad", "decay_amsgrad"]


def answer(dim):
    state = Dict({key: Vector(dim) for key in ("m", "v", "v_max")})
    return Tuple((Vector(dim), state), ("w_new", "state"))


def random_state(rng, dim):
    v = rng.uniform(0, 2, size=dim)
    return {"m": rng.normal(size=dim), "v": v, "v_max": v + rng.uniform(-0.5, 0.5, size=dim).clip(0)}


@pytest.mark.points(2)
@pytest.mark.parametrize(("decay", "amsgrad"), OPTIONS, ids=IDS)
def test_single_step(check, rng, decay, amsgrad):
    """Without AMSGrad, v_max is what a run that never turned it on passes: zeros, returned as
    they came (a running max of v would show here, whatever v and g are)."""
    w, g = rng.normal(size=(2, 4))
    state, t = random_state(rng, 4), int(rng.integers(1, 6))
    if not amsgrad:
        state["v_max"] = np.zeros(4)
    check(lambda m: m.adam_update_full(w, g, state, t, learning_rate=0.01, weight_decay=decay, amsgrad=amsgrad), answer(4),
          describe_call("adam_update_full", w, g, state, t, learning_rate=0.01, weight_decay=decay, amsgrad=amsgrad))


def test_leaves_the_state_unchanged(check, rng):
    """The statement: return a new dict, the right one, and leave the one you were given unchanged."""
    w, g = rng.normal(size=(2, 3))
    state = random_state(rng, 3)
    kept = Dict({key: Vector(3) for key in ("m", "v", "v_max")}, exact=True)  # no key added either
    call = describe_call("adam_update_full", w, g, state, 2, amsgrad=True)
    check.unchanged(lambda m: [m.inputs_after("adam_update_full", w, g, state, 2, amsgrad=True)[2]], Tuple((kept,), ("state",)), call)
    check(lambda m: m.adam_update_full(w, g, state, 2, amsgrad=True), answer(3), call)  # a function doing nothing changes nothing


def test_default_arguments(check, rng):
    w, g = rng.normal(size=(2, 3))
    state = random_state(rng, 3)
    check(lambda m: m.adam_update_full(w, g, state, 2), answer(3), describe_call("adam_update_full", w, g, state, 2))


@pytest.mark.list_input
def test_list_input(check, rng):
    w, g = rng.normal(size=(2, 2)).tolist()
    state = {key: value.tolist() for key, value in random_state(rng, 2).items()}
    check(lambda m: m.adam_update_full(w, g, state, 1, 0.01, weight_decay=0.1, amsgrad=True), answer(2),
          describe_call("adam_update_full", w, g, state, 1, 0.01, weight_decay=0.1, amsgrad=True))


@pytest.mark.points(2)
@pytest.mark.parametrize(("decay", "amsgrad"), OPTIONS[1:], ids=IDS[1:])
def test_trajectory(check, decay, amsgrad):
    zeros = {"m": np.zeros(2), "v": np.zeros(2), "v_max": np.zeros(2)}
    expression, spec = path("adam_update_full", ILL_CONDITIONED, START, zeros, 80, with_t=True,
                            learning_rate=0.05, weight_decay=decay, amsgrad=amsgrad)
    check(expression, spec, f"loop(adam_update_full, ill_conditioned, steps=80, weight_decay={decay}, amsgrad={amsgrad})", TRAJECTORY)


@pytest.mark.points(2)
def test_converges(check):
    zeros = {"m": np.zeros(2), "v": np.zeros(2), "v_max": np.zeros(2)}
    expression, spec = path("adam_update_full", BOWL, START, zeros, 260, with_t=True, learning_rate=0.05, amsgrad=True)
    check.converges(expression, spec, "loop(adam_update_full, bowl, amsgrad=True, minimum=(3, −2))", [3.0, -2.0], atol=1e-3, margin=10)
