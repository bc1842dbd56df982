"""Parametrised questions: reproducible from the seed, and right by an independent computation."""

from __future__ import annotations

import math
from typing import Callable

import numpy as np
import pytest

from grader.quiz.model import ParamNumeric
from grader.quiz.present import fill, present


def derivative(f: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def gd_1d(v):
    return v["x0"] - v["lr"] * derivative(lambda x: x * x + 4 * x + 5, v["x0"])


def gd_2d_y(v):
    f = lambda y: (v["x0"] - 3) ** 2 + (y + 2) ** 2
    return v["y0"] - v["lr"] * derivative(f, v["y0"])


def three_steps(v):
    x = v["x0"]
    for _ in range(3):
        x -= v["lr"] * derivative(lambda t: t * t, x)
    return x


def steps_to_tolerance(v):
    x, k = float(v["x0"]), 0
    while abs(x) >= 0.01:
        x, k = x - v["lr"] * 2 * x, k + 1
    return k


def step_decay(v):
    eta = v["eta0"]
    for step in range(1, v["k"] + 1):
        if step % v["every"] == 0:
            eta *= v["drop"]
    return eta


def exponential(v):
    eta = v["eta0"]
    for _ in range(v["k"]):
        eta *= v["gamma"]
    return eta


def momentum(v):
    h = v["alpha"] * v["h"] + v["lr"] * v["g"]
    return v["w"] - h


def nesterov(v):
    grad = lambda w: 2 * w
    look_ahead = v["w"] - v["alpha"] * v["h"]
    h = v["alpha"] * v["h"] + v["lr"] * grad(look_ahead)
    return v["w"] - h


def adagrad(v):
    w, g, G = (np.array([v[k]], dtype=float) for k in ("w", "g", "G"))
    G = G + g * g
    return float((w - v["lr"] * g / np.sqrt(G + 1e-8))[0])


def adam_first_step(v):
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    w, m, s = np.array([v["w0"]], float), np.zeros(1), np.zeros(1)
    g = np.array([v["g"]], float)
    m = beta1 * m + (1 - beta1) * g
    s = beta2 * s + (1 - beta2) * g ** 2
    m_hat, s_hat = m / (1 - beta1), s / (1 - beta2)
    return float((w - v["lr"] * m_hat / (np.sqrt(s_hat) + eps))[0])


def bias_corrected(v):
    return v["m"] / (1 - math.prod([0.9] * v["t"]))


def mse_gradient(w, b, x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    loss = lambda w_, b_: float(np.mean((y - (w_ * x + b_)) ** 2))
    return derivative(lambda t: loss(t, b), w), derivative(lambda t: loss(w, t), b)


INDEPENDENT: dict[str, Callable[[dict], float]] = {
    "grad-sum-of-squares": lambda v: derivative(lambda t: v["a"] ** 2 + t ** 2 + v["c"] ** 2, v["b"]),
    "grad-1d-step": gd_1d,
    "grad-2d-step": gd_2d_y,
    "lr-three-steps": three_steps,
    "conv-steps-to-tolerance": steps_to_tolerance,
    "bsgd-updates-per-epoch": lambda v: len(range(0, v["n"], v["b"])),
    "sched-power": lambda v: v["lam"] * np.power(v["s0"] / (v["s0"] + v["k"]), v["p"]),
    "sched-step-decay": step_decay,
    "sched-exponential": exponential,
    "sched-cosine": lambda v: v["eta0"] * (1 + np.cos(np.pi * v["k"] / 100)) / 2,
    "mom-step": momentum,
    "nag-step": nesterov,
    "ada-step": adagrad,
    "rms-average": lambda v: v["alpha"] * v["G"] + (1 - v["alpha"]) * v["g"] * v["g"],
    "adam-first-step": adam_first_step,
    "adam-bias-correction": bias_corrected,
    "linreg-grad-w-value": lambda v: mse_gradient(v["w"], v["b"], [1, 2], [v["y1"], v["y2"]])[0],
    "linreg-grad-b-value": lambda v: mse_gradient(v["w"], v["b"], [0, 1, 2],
                                                  [v["y1"], v["y2"], v["y3"]])[1],
    "linreg-one-step": lambda v: -v["lr"] * mse_gradient(0.0, 0.0, [1, 2], [v["y1"], v["y2"]])[0],
}


def param_questions(catalog) -> list[ParamNumeric]:
    return [q for q in catalog.questions if isinstance(q, ParamNumeric)]


def test_every_parametrised_question_has_an_independent_check(catalog):
    assert {q.id for q in param_questions(catalog)} == set(INDEPENDENT)


@pytest.mark.parametrize("seed", range(40))
def test_answers_match_the_independent_computation(catalog, seed):
    for question in param_questions(catalog):
        p = present(question, "en", seed)
        expected = INDEPENDENT[question.id](dict(p.values))
        assert p.key == pytest.approx(expected, rel=1e-6, abs=1e-6), (question.id, p.values)


def test_a_variant_is_reproducible_from_its_seed_in_every_language(catalog):
    for question in param_questions(catalog):
        first = present(question, "en", 12345)
        again = [present(question, lang, 12345) for lang in ("en", "kk", "ru")]
        assert all(p.values == first.values and p.key == first.key for p in again), question.id


def test_seeds_draw_different_variants(catalog):
    for question in param_questions(catalog):
        variants = {tuple(present(question, "en", seed).values.items()) for seed in range(30)}
        assert len(variants) > 1, question.id


def test_drawn_values_are_shown_in_the_text(catalog):
    question = catalog.question("grad-1d-step")
    p = present(question, "ru", 7)
    assert f"x₀ = {p.values['x0']:g}" in p.prompt and "{" not in p.prompt
    assert "{" not in p.explanation


def test_decimal_ranges_have_no_float_noise(catalog):
    values = catalog.question("adam-first-step").variables[0].choices
    assert values == (-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0)


def test_negative_values_are_bracketed_after_an_operator():
    values = {"x0": -5, "lr": 0.1, "g": -2}
    assert fill("{x0} − {lr}·(2·{x0} + 4), ({g})², w − {g}, ({x0}, {g}), {x}",
                values) == "-5 − 0.1·(2·(-5) + 4), (-2)², w − (-2), (-5, -2), {x}"
