"""Hidden suite of exercise 16: reading a loss curve (diverging, oscillating, stalled, decreasing)."""

import math

import numpy as np
import pytest

from grader.checks import describe_call
from grader.compare import Text


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
    }


NAMES = list(curves(np.random.default_rng(0)))


@pytest.mark.parametrize("name", NAMES)
def test_curve(check, rng, name):
    losses = curves(rng)[name]
    check(lambda m: m.diagnose_training(losses), Text(), describe_call("diagnose_training", losses))


@pytest.mark.points(2)
def test_random_walks(check, rng):
    """Noisy curves around the thresholds, all five shapes mixed."""
    walks = [np.cumsum(rng.normal(-0.05, s, size=n)).tolist() for s, n in ((0.01, 20), (0.2, 40), (0.5, 12))]
    walks = [(np.asarray(w) + 10).tolist() for w in walks]
    check(lambda m: "|".join(m.diagnose_training(w) for w in walks), Text(), "[diagnose_training(walk) for walk in walks]")
