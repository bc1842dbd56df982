"""Exercise 8 — mini-batch gradient descent for linear regression.

Two functions.

``minibatches(n, batch_size, rng)`` splits the indices 0, …, n−1 into random mini-batches:

    perm = rng.permutation(n)
    batches = [perm[0:B], perm[B:2B], …]          (B = batch_size)

consecutive chunks of ``perm`` of size B, the LAST one possibly smaller (n = 10, B = 4 gives
sizes 4, 4, 2); nothing is dropped, and the list has ⌈n / B⌉ index arrays.

``fit_linear_minibatch(...)`` fits ŷ = w·x + b: for each mini-batch, compute the MSE gradient on
that batch only — the MEAN over its samples, exactly ``mse_gradient`` of exercise 5 applied to
x[idx], y[idx] — and update w and b at once:

    r_i = y_i − (w·x_i + b),  i ∈ batch
    ∂L/∂w = −2·mean_batch(x·r),   ∂L/∂b = −2·mean_batch(r)
    w ← w − η ∂L/∂w,              b ← b − η ∂L/∂b

RNG protocol — follow it exactly, it decides full marks (the grader replays your trajectory):

  1. ``rng = np.random.default_rng(seed)`` ONCE, at the start of ``fit_linear_minibatch``;
  2. each epoch call ``minibatches(n, batch_size, rng)`` once with that same ``rng`` (so each
     epoch gets a new permutation) and process the batches in the returned order;
  3. ``minibatches`` draws exactly one ``rng.permutation(n)`` and nothing else.

Start from w = w0, b = b0; after the last batch of epoch e record losses[e] = the MSE on the
WHOLE data set, so ``losses`` has length ``epochs``. Checks: with batch_size = 1 the result
equals exercise 7 (``fit_linear_sgd``) for the same seed; with batch_size = n it equals
exercise 6 (``fit_linear_batch``). Summing instead of averaging over the batch, or dropping the
last smaller batch, loses marks. You may import ``mse_gradient``
(``from .ex05_linear_regression import mse_gradient``) or compute the mean gradient inline.
Return (w, b, losses).

Where it comes from: the slides (slides_gradient_descent_ru), "mini-batch gradient descent":
split all object–answer pairs into groups of batch size and compute ∇Q only on the i-th
batch; the Q&A on variants (qa_gd_variants_ru, questions 23–24).

The statement also exists in Kazakh and Russian: ``grade show 8 --lang kk`` /
``grade show 8 --lang ru``. Check your work with ``grade exercise 8``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def minibatches(n: int, batch_size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Random mini-batches of the indices 0, …, n−1.

    .. math::
        perm = rng.permutation(n);   batches = [perm[j : j + B] for j = 0, B, 2B, … < n]

    Symbols: n is ``n``; B is ``batch_size``; ``rng`` is the generator to draw from.

    Args:
        n (int): the number of samples n ≥ 1.
        batch_size (int): the batch size B ≥ 1.
        rng (np.random.Generator): the generator; exactly one ``rng.permutation(n)`` is drawn.

    Returns:
        list[np.ndarray]: ⌈n / B⌉ integer index arrays, all of size B except possibly the last;
        together they hold every index exactly once, in the order of ``perm``.
    """
    raise NotImplementedError(
        "Exercise 8: minibatches is not implemented yet — see `grade show 8`"
    )


def fit_linear_minibatch(
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    epochs: int = 100,
    batch_size: int = 32,
    seed: int = 0,
    w0: float = 0.0,
    b0: float = 0.0,
) -> tuple[float, float, Sequence[float] | np.ndarray]:
    """Fit ŷ = w·x + b with mini-batch gradient descent on the MSE loss.

    .. math::
        for idx in minibatches(n, B, rng):
            (g_w, g_b) = mse_gradient(w, b, x[idx], y[idx])
            w ← w − η g_w,   b ← b − η g_b

    RNG: ``rng = np.random.default_rng(seed)`` once; each epoch one call
    ``minibatches(n, batch_size, rng)``; no other draws.

    Symbols: η is ``learning_rate``; B is ``batch_size``; (w_0, b_0) is (``w0``, ``b0``);
    n is ``len(x)``.

    Args:
        x (Sequence[float] | np.ndarray): the inputs, shape (n,).
        y (Sequence[float] | np.ndarray): the targets, shape (n,).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        epochs (int, optional): the number of passes over the data (default: 100).
        batch_size (int, optional): the mini-batch size B (default: 32).
        seed (int, optional): the seed of ``np.random.default_rng`` (default: 0).
        w0 (float, optional): the initial weight (default: 0.0).
        b0 (float, optional): the initial bias (default: 0.0).

    Returns:
        tuple: (w, b, losses) — the final weight and bias (floats) and the full-data MSE after
        each epoch, shape (epochs,).
    """
    raise NotImplementedError(
        "Exercise 8: fit_linear_minibatch is not implemented yet — see `grade show 8`"
    )
