"""Exercise 16 — reading a loss curve: diagnose the training.

Implement ``diagnose_training(losses)``: given the sequence of loss values L[0], L[1], …,
L[N−1] recorded during training (N = len(losses) ≥ 2), return one of four strings. Apply the
rules IN THIS ORDER and return at the first that matches:

  1. "diverging"   — some loss is not finite (nan or ±inf), or the last loss exceeds the first:
                     L[N−1] > L[0];
  2. "oscillating" — take the consecutive differences d_i = L[i+1] − L[i], DROP the zero ones,
                     and count how many times the sign changes between neighbours of what is
                     left; "oscillating" if that count is MORE than (N − 1) / 3 (strictly >,
                     true division);
  3. "stalled"     — with k = max(2, N // 5): L[−k] = 0, or
                     (L[−k] − L[−1]) / |L[−k]| < 1e-3 (the last k values improved by less than
                     0.1 %); check L[−k] = 0 first so that you never divide by zero;
  4. "decreasing"  — otherwise.

L[−k] is the k-th value from the end (Python's ``losses[-k]``). ``losses`` comes as a list of
floats or a 1-D numpy array; return the label exactly as written, in lower case.

Where it comes from: the Q&A on gradient descent (qa_gradient_descent_ru, questions 14–18): a
too large learning rate makes the loss grow or oscillate (up to NaN), a too small one or a
plateau makes it barely change, and convergence shows as a smooth downward trend.

The statement also exists in Kazakh and Russian: ``grade show 16 --lang kk`` /
``grade show 16 --lang ru``. Check your work with ``grade exercise 16``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def diagnose_training(losses: Sequence[float] | np.ndarray) -> str:
    """Classify a loss curve as "diverging", "oscillating", "stalled" or "decreasing".

    .. math::
        diverging    if ∃ i: L[i] ∉ ℝ (nan, ±inf)  or  L[N−1] > L[0]
        oscillating  if #sign changes of (L[i+1] − L[i] ≠ 0) > (N − 1) / 3
        stalled      if L[−k] = 0  or  (L[−k] − L[−1]) / |L[−k]| < 1e-3,  k = max(2, N // 5)
        decreasing   otherwise

    (the first rule that matches wins). Symbols: L is ``losses``; N is ``len(losses)``.

    Args:
        losses (Sequence[float] | np.ndarray): the loss values in training order, shape (N,),
            N ≥ 2.

    Returns:
        str: one of "diverging", "oscillating", "stalled", "decreasing".
    """
    raise NotImplementedError(
        "Exercise 16: diagnose_training is not implemented yet — see `grade show 16`"
    )
