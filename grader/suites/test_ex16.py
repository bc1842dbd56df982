"""Hidden suite of exercise 16: reading a loss curve (diverging, oscillating, stalled, decreasing)."""

import math

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Text, Tuple

LABELS = ("diverging", "oscillating", "stalled", "decreasing")


def curves(rng):
    k = np.arange(30)
    return {
        "decreasing": (10 * 0.8**k + rng.uniform(0, 0.01)).tolist(),
        "diverging_growth": (1 + 0.1 * k**1.5).tolist(),
        "diverging_nan": [5.0, 4.0, 3.0, float("nan"), 2.0],
        "diverging_inf": [5.0, 4.0, math.inf],
        "oscillating": (5 + (-1.0) ** k * np.linspace(2, 1, 30) - 0.01 * k).tolist(),
        "stalled_plateau": (3 + 2 * 0.5**k).tolist(),
        "stalled_zero": [4.0, 2.0, 1.0, 0.0, 0.0, 0.0],
        "relative_small_scale": (1e-3 * 0.7**k).tolist(),
        "relative_large_scale": (1e4 - 0.1 * k).tolist(),
        "short_curve": [3.0, 2.0, 1.5],
        "flat_then_drop": [2.0, 2.0, 2.0, 2.0, 1.0],
        # Each below tells one misreading of the rules from the right one:
        "zeros_dropped": [10.0, 6.0, 7.0, 7.0, 8.0, 8.0, 9.0, 9.0, 5.0],  # decreasing; a zero kept makes 6 changes
        "just_above_stall": settling(2e-3),  # decreasing: a drop of 2e-3 of L[−k] (not divided by k)
        "just_below_stall": settling(0.9995e-3),  # stalled: relative to L[−k], not to L[−1]
        "ten_sign_changes": ten_sign_changes(),  # 10 > 29/3: oscillating; 10 > 30/3 is not
        "back_to_the_start": [5.0, 3.0, 4.0, 5.0],  # stalled: last = first is not diverging, 1 change is not > 1
        "tiny_oscillation": (3 + 1e-5 * (-1.0) ** k - 1e-7 * k).tolist(),  # oscillating is checked before stalled
        "above_then_below": [5.0, 6.0, 4.0, 3.0, 2.5, 2.0],  # decreasing: the LAST loss is compared with the first
        "exactly_at_stall": exactly_at_stall(),  # decreasing: a drop of exactly 1e-3 is not < 1e-3
        "k_rounds_down": k_rounds_down(),  # stalled: 13 // 5 = 2, the last 2 barely move (the last 3 fall by 20 %)
        "inf_then_lower": [5.0, 4.0, math.inf, 3.0, 2.0],  # diverging: inf is non-finite too (a test for nan alone: oscillating)
        "negative_losses": (-1 - 0.1 * k).tolist(),  # decreasing: the drop over |L[−k]| is 0.15; over L[−k] < 0 it is negative: stalled
        "last_above_first": [5.0, 4.0, 3.0, 2.0, 6.0],  # diverging: only the last loss is above the first (L[−2] is not)
        "few_sign_changes": few_sign_changes(),  # decreasing: 4 changes are not > 29/3 (a fixed "> 3" says oscillating)
        "zero_then_rise": [3.0, 2.0, 1.0, 0.0, 0.5],  # stalled: L[−k] = 0 itself (k = 2), not L[−1] or L[−k−1], is the rule
        "reaches_zero": [4.0, 3.0, 2.0, 1.0, 0.0],  # decreasing: L[−1] = 0 after a drop of 100 % is not a stall
        "spike_in_the_window": spike_in_the_window(),  # decreasing: 2e-3 relative to L[−k] = 1, not to L[−k+1] = 4
        "zeros_dropped_halves": [10.0, 6.0, 6.5, 6.5, 7.0, 7.0, 7.5, 7.5, 5.0],  # decreasing: zeros_dropped with steps of 0.5
    }


def settling(drop):
    """30 falling losses whose last k = 6 fall by `drop` relative to L[−k] = 1."""
    return (np.concatenate([1 + 9 * np.linspace(1, 0, 25)[:-1] ** 2, np.linspace(1, 1 - drop, 6)])).tolist()


def ten_sign_changes():
    """30 losses whose 29 differences change sign exactly 10 times (then keep falling)."""
    differences = [-1.0 if i % 2 == 0 else 0.5 for i in range(11)] + [-0.2] * 18
    return (10 + np.concatenate([[0.0], np.cumsum(differences)])).tolist()


def few_sign_changes():
    """30 losses whose 29 differences change sign 4 times (then keep falling): not oscillating,
    since the threshold (len − 1) / 3 grows with the curve."""
    differences = [-1.0, 0.5, -1.0, 0.5, -1.0] + [-0.2] * 24
    return (10 + np.concatenate([[0.0], np.cumsum(differences)])).tolist()


def spike_in_the_window():
    """30 losses whose last k = 6 are 1, 4, then 0.998 four times: (L[−k] − L[−1]) / |L[−k]| =
    2e-3, while over |L[−k+1]| = 4 it would be 5e-4 (stalled)."""
    return np.concatenate([1 + 9 * np.linspace(1, 0, 25)[:-1] ** 2, [1.0, 4.0], [0.998] * 4]).tolist()


def exactly_at_stall():
    """30 falling losses whose last k = 6 fall from 1000 to 999: (L[−k] − L[−1]) / |L[−k]| is
    1e-3 to the last bit as a quotient, a product (999 >= 1000 * (1 − 1e-3)) or the sum of the
    differences. Not as 1 − L[−1]/L[−k]: 1 − 0.999 is 1e-3 + 9e-19, and no pair of floats makes
    it 1e-3 exactly (1 − fl(1e-3) is no double), so that form's `<= 1e-3` passes here."""
    return np.concatenate([np.linspace(3000, 1000, 25)[:-1], np.linspace(1000, 999, 6)]).tolist()


def k_rounds_down():
    """13 losses falling by 20 % a step but the last, which falls by 1e-4."""
    losses = (10 * 0.8 ** np.arange(12)).tolist()
    return losses + [losses[-1] * (1 - 1e-4)]


NAMES = list(curves(np.random.default_rng(0)))


@pytest.mark.list_input  # every curve is a list
@pytest.mark.parametrize("name", NAMES)
def test_curve(check, rng, name):
    losses = curves(rng)[name]
    check(lambda m: m.diagnose_training(losses), Text(LABELS), describe_call("diagnose_training", losses))


@pytest.mark.list_input
@pytest.mark.points(2)
def test_random_walks(check, rng):
    """Noisy curves around the thresholds, all five shapes mixed."""
    walks = [np.cumsum(rng.normal(-0.05, s, size=n)).tolist() for s, n in ((0.01, 20), (0.2, 40), (0.5, 12))]
    walks = [(np.asarray(w) + 10).tolist() for w in walks]
    check(lambda m: [m.diagnose_training(w) for w in walks],
          Tuple((Text(LABELS),) * len(walks), tuple(f"diagnose_training(walks[{i}])" for i in range(len(walks)))),
          "[diagnose_training(walk) for walk in walks]")
