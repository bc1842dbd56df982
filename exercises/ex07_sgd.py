"""Exercise 7 — stochastic gradient descent (SGD) for linear regression.

Fit ŷ = w·x + b by SGD: update (w, b) after EVERY single sample, visiting the samples in a
fresh random order in each epoch. The gradient for one sample i is the gradient of its squared
error q_i = (y_i − (w·x_i + b))²:

    r_i = y_i − (w·x_i + b)
    ∂q_i/∂w = −2·x_i·r_i,   ∂q_i/∂b = −2·r_i
    w ← w − η ∂q_i/∂w,      b ← b − η ∂q_i/∂b      (both from the same old (w, b))

RNG protocol — follow it exactly, it decides full marks (the grader replays your trajectory):

  1. ``rng = np.random.default_rng(seed)`` ONCE, at the start of the call (not per epoch);
  2. at the start of each epoch draw ONE permutation ``perm = rng.permutation(n)``,
     n = len(x), and visit the samples in the order perm[0], perm[1], …, perm[n−1];
  3. draw nothing else from ``rng`` (and never use ``np.random.shuffle``, ``random``,
     ``rng.choice`` or a global seed: they give different numbers).

Start from w = w0, b = b0. After the last sample of epoch e record losses[e] = the MSE on the
WHOLE data set, (1/n) Σ_j (y_j − (w·x_j + b))², so ``losses`` has length ``epochs``. Visiting the
samples in their original order 0, 1, …, n−1 (no shuffling) loses marks. ``x`` and ``y`` come
as lists of floats or 1-D numpy arrays of the same length n. Return (w, b, losses).

Where it comes from: the slides (slides_gradient_descent_ru), "stochastic gradient descent":
at each step take one random object and move along the antigradient of its loss; the Q&A on
variants (qa_gd_variants_ru, question 21): the weights are updated after each single example.

The statement also exists in Kazakh and Russian: ``grade show 7 --lang kk`` /
``grade show 7 --lang ru``. Check your work with ``grade exercise 7``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def fit_linear_sgd(
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    epochs: int = 100,
    seed: int = 0,
    w0: float = 0.0,
    b0: float = 0.0,
) -> tuple[float, float, Sequence[float] | np.ndarray]:
    """Fit ŷ = w·x + b with stochastic gradient descent, one sample per update.

    .. math::
        for i in perm:   r_i = y_i − (w·x_i + b)
                         w ← w + 2η·x_i·r_i,   b ← b + 2η·r_i

    RNG: ``rng = np.random.default_rng(seed)`` once; each epoch ``perm = rng.permutation(n)``
    and the samples are visited in that order; no other draws.

    Symbols: η is ``learning_rate``; (w_0, b_0) is (``w0``, ``b0``); n is ``len(x)``.

    Args:
        x (Sequence[float] | np.ndarray): the inputs, shape (n,).
        y (Sequence[float] | np.ndarray): the targets, shape (n,).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        epochs (int, optional): the number of passes over the data (default: 100).
        seed (int, optional): the seed of ``np.random.default_rng`` (default: 0).
        w0 (float, optional): the initial weight (default: 0.0).
        b0 (float, optional): the initial bias (default: 0.0).

    Returns:
        tuple: (w, b, losses) — the final weight and bias (floats) and the full-data MSE after
        each epoch, shape (epochs,).
    """
    raise NotImplementedError(
        "Exercise 7: fit_linear_sgd is not implemented yet — see `grade show 7`"
    )
