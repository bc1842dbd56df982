"""The reference optimizers agree with the textbook rules written here independently, and with
torch.optim where the conventions match (SGD momentum, Nesterov via the look-ahead point,
Adam, AMSGrad, L2 weight decay; AdaGrad and RMSprop with ε = 0, where ε's place is moot)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from reference.ex10_momentum import momentum_update
from reference.ex11_nesterov import nesterov_update
from reference.ex12_adagrad import adagrad_update
from reference.ex13_rmsprop import rmsprop_update
from reference.ex14_adam import adam_update
from reference.ex15_adam_options import adam_update_full

SCALES = np.array([1.0, 10.0, 0.5])
CENTER = np.array([3.0, -2.0, 1.0])
START = np.array([0.5, 0.7, -1.0])


def gradient(w):
    """∇ of f(w) = Σ a_i (w_i − c_i)²."""
    return [2 * a * (x - c) for a, x, c in zip(SCALES, w, CENTER)]


def test_momentum_matches_textbook_loop():
    w, h = START.copy(), np.zeros(3)
    w_list, h_list = list(START), [0.0, 0.0, 0.0]
    for _ in range(50):
        w, h = momentum_update(w, gradient(w), h, learning_rate=0.02, alpha=0.9)
        g = gradient(w_list)
        h_list = [0.9 * hi + 0.02 * gi for hi, gi in zip(h_list, g)]
        w_list = [wi - hi for wi, hi in zip(w_list, h_list)]
    np.testing.assert_allclose(w, w_list, rtol=1e-12)


def test_momentum_with_alpha_zero_is_a_gradient_step():
    w_new, _ = momentum_update(START, gradient(START), np.ones(3), learning_rate=0.1, alpha=0.0)
    np.testing.assert_allclose(w_new, START - 0.1 * np.array(gradient(START)), rtol=1e-15)


def test_adam_first_step_moves_by_lr_times_sign():
    g = np.array([3.0, -0.2, 1e-3])
    w_new, _, _ = adam_update(START, g, np.zeros(3), np.zeros(3), 1, learning_rate=0.01)
    np.testing.assert_allclose(START - w_new, 0.01 * np.sign(g), rtol=1e-4)


def test_adam_full_defaults_equal_adam():
    m, v = np.array([0.1, -0.2, 0.3]), np.array([0.5, 0.1, 0.2])
    plain = adam_update(START, gradient(START), m, v, 4)
    full, state = adam_update_full(START, gradient(START), {"m": m, "v": v, "v_max": v}, 4)
    np.testing.assert_allclose(full, plain[0], rtol=1e-15)
    np.testing.assert_allclose(state["v_max"], v)


def test_adagrad_and_rmsprop_textbook_one_step():
    g = np.array(gradient(START))
    w_ada, G = adagrad_update(START, g, np.full(3, 0.5), learning_rate=0.1, eps=1e-8)
    expected = [w - 0.1 * gi / math.sqrt(0.5 + gi * gi + 1e-8) for w, gi in zip(START, g)]
    np.testing.assert_allclose(w_ada, expected, rtol=1e-14)
    w_rms, G = rmsprop_update(START, g, np.full(3, 0.5), learning_rate=0.1, alpha=0.8, eps=1e-8)
    expected = [w - 0.1 * gi / math.sqrt(0.8 * 0.5 + 0.2 * gi * gi + 1e-8) for w, gi in zip(START, g)]
    np.testing.assert_allclose(w_rms, expected, rtol=1e-14)


# --- torch.optim, where its conventions are the same rule -----------------------------------

torch = pytest.importorskip("torch")


def torch_trajectory(make_optimizer, steps: int = 60) -> np.ndarray:
    """Iterates of a torch optimizer on the same quadratic, in float64."""
    p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer([p])
    scales, center = torch.tensor(SCALES), torch.tensor(CENTER)
    points = [p.detach().numpy().copy()]
    for _ in range(steps):
        optimizer.zero_grad()
        (scales * (p - center) ** 2).sum().backward()
        optimizer.step()
        points.append(p.detach().numpy().copy())
    return np.array(points)


def our_trajectory(step, state, steps: int = 60) -> np.ndarray:
    w, points = START.copy(), [START.copy()]
    for t in range(1, steps + 1):
        w, state = step(w, state, t)
        points.append(w)
    return np.array(points)


def test_momentum_equals_torch_sgd_momentum():
    theirs = torch_trajectory(lambda p: torch.optim.SGD(p, lr=0.02, momentum=0.9))
    ours = our_trajectory(lambda w, h, t: momentum_update(w, gradient(w), h, 0.02, 0.9), np.zeros(3))
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_nesterov_lookahead_equals_torch_nesterov():
    """torch's parameter is our look-ahead point w − α h (Sutskever's form, reparametrised)."""
    theirs = torch_trajectory(lambda p: torch.optim.SGD(p, lr=0.02, momentum=0.9, nesterov=True))
    w, h, lookahead = START.copy(), np.zeros(3), [START.copy()]
    for _ in range(60):
        w, h = nesterov_update(w, lambda x: np.array(gradient(x)), h, 0.02, 0.9)
        lookahead.append(w - 0.9 * h)
    np.testing.assert_allclose(np.array(lookahead), theirs, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize(("decay", "amsgrad"), [(0.0, False), (0.0, True), (0.1, False), (0.1, True)])
def test_adam_equals_torch_adam(decay, amsgrad):
    theirs = torch_trajectory(lambda p: torch.optim.Adam(p, lr=0.05, weight_decay=decay, amsgrad=amsgrad))
    zeros = {"m": np.zeros(3), "v": np.zeros(3), "v_max": np.zeros(3)}
    ours = our_trajectory(
        lambda w, s, t: adam_update_full(w, gradient(w), s, t, 0.05, weight_decay=decay, amsgrad=amsgrad), zeros)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)
    if not decay and not amsgrad:
        plain = our_trajectory(lambda w, s, t: (lambda r: (r[0], r[1:]))(adam_update(w, gradient(w), *s, t, 0.05)),
                               (np.zeros(3), np.zeros(3)))
        np.testing.assert_allclose(plain, theirs, rtol=1e-9, atol=1e-12)


def test_adagrad_and_rmsprop_equal_torch_with_eps_zero():
    theirs = torch_trajectory(lambda p: torch.optim.Adagrad(p, lr=0.3, eps=0.0))
    ours = our_trajectory(lambda w, G, t: adagrad_update(w, gradient(w), G, 0.3, eps=0.0), np.zeros(3))
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)
    theirs = torch_trajectory(lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=0.0))
    ours = our_trajectory(lambda w, G, t: rmsprop_update(w, gradient(w), G, 0.01, 0.9, eps=0.0), np.zeros(3))
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_multistart_never_keeps_a_nan_loss_whatever_the_order_of_the_starts():
    """f(x) = x log x is nan for x < 0: the run from −0.5 ends at a finite point with f nan.
    nan < v and v < nan are both false, so a loop keeping 'the lowest so far' kept the nan run
    when it came first; the reference skips it, and the order of the starts no longer matters."""
    from reference.ex17_multistart import multistart

    def f(x):
        return float(x[0] * math.log(x[0])) if x[0] > 0 else math.nan

    def grad(x):
        return [math.log(abs(x[0])) + 1]

    forward = multistart(f, grad, [[-0.5], [2.0]], 0.1, 50)
    backward = multistart(f, grad, [[2.0], [-0.5]], 0.1, 50)
    assert forward[1] == backward[1] == pytest.approx(-1 / math.e)
    np.testing.assert_array_equal(forward[0], backward[0])
