"""Exercise 6 — batch gradient descent for linear regression.

Fit ŷ = w·x + b by batch gradient descent: in each epoch compute the gradient of the MSE loss
L = (1/n) Σ_i (y_i − (w·x_i + b))² on ALL n samples at the current (w, b), then update both
parameters at once (simultaneously, from the same old values):

    r_i = y_i − (w·x_i + b)
    ∂L/∂w = −2·mean(x·r),   ∂L/∂b = −2·mean(r)
    w ← w − η ∂L/∂w,        b ← b − η ∂L/∂b

Exactly one update per epoch, ``epochs`` epochs, starting from w = w0, b = b0. After the update
of epoch e (e = 0, …, epochs − 1) record losses[e] = L(w, b) at the NEW parameters, so ``losses``
has length ``epochs`` and does not contain the loss at (w0, b0).

Computing ∂L/∂b with the w that was already updated (a sequential update) is a different
algorithm and loses marks. ``x`` and ``y`` come as lists of floats or 1-D numpy arrays of the
same length n. Return (w, b, losses): two floats and a list (or 1-D array) of ``epochs`` floats.
You may reuse your ``mse_loss`` / ``mse_gradient`` from exercise 5
(``from .ex05_linear_regression import mse_gradient``) or write the formulas again.

Where it comes from: lecture 6 (lecture6_kk), "Batch Gradient Descent": the weights are
updated only after all training samples have been taken into account; the Q&A on variants
(qa_gd_variants_ru, question 22): one iteration = the whole epoch.

The statement also exists in Kazakh and Russian: ``grade show 6 --lang kk`` /
``grade show 6 --lang ru``. Check your work with ``grade exercise 6``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def fit_linear_batch(
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
    learning_rate: float = 0.01,
    epochs: int = 1000,
    w0: float = 0.0,
    b0: float = 0.0,
) -> tuple[float, float, Sequence[float] | np.ndarray]:
    """Fit ŷ = w·x + b with batch gradient descent on the MSE loss.

    .. math::
        w_e = w_{e−1} − η ∂L/∂w(w_{e−1}, b_{e−1}),   b_e = b_{e−1} − η ∂L/∂b(w_{e−1}, b_{e−1})
        losses[e−1] = L(w_e, b_e),   e = 1, …, epochs

    Symbols: η is ``learning_rate``; (w_0, b_0) is (``w0``, ``b0``); L is the MSE on all of
    (``x``, ``y``).

    Args:
        x (Sequence[float] | np.ndarray): the inputs, shape (n,).
        y (Sequence[float] | np.ndarray): the targets, shape (n,).
        learning_rate (float, optional): the learning rate η (default: 0.01).
        epochs (int, optional): the number of epochs = number of updates (default: 1000).
        w0 (float, optional): the initial weight (default: 0.0).
        b0 (float, optional): the initial bias (default: 0.0).

    Returns:
        tuple: (w, b, losses) — the final weight and bias (floats) and the losses after each
        epoch's update, shape (epochs,).
    """
    raise NotImplementedError(
        "Exercise 6: fit_linear_batch is not implemented yet — see `grade show 6`"
    )
