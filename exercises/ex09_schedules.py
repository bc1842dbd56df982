"""Exercise 9 — learning-rate schedules η_k.

In general the learning rate may depend on the iteration number k (k = 1, 2, … counts steps
from 1). Implement six schedules, each returning the float η_k:

    constant(k, eta=0.1)                            η_k = eta
    inverse_time(k, eta0=1.0)                       η_k = eta0 / k
    power_decay(k, lam=1.0, s0=1.0, p=0.5)          η_k = lam · (s0 / (s0 + k))^p
    step_decay(k, eta0=0.1, drop=0.5, every=10)     η_k = eta0 · drop^(k // every)
    exponential_decay(k, eta0=0.1, gamma=0.9)       η_k = eta0 · gamma^k
    cosine_annealing(k, eta0=0.1, total=100, eta_min=0.0)
                      η_k = eta_min + (eta0 − eta_min) · (1 + cos(π·k / total)) / 2

``k // every`` is INTEGER (floor) division: the step schedule stays flat for ``every`` steps and
then drops (k = 9 → drop⁰, k = 10 → drop¹ with every = 10); k / every would decay smoothly
and loses marks. ``constant`` ignores k. No numpy is needed (``math.cos``, ``math.pi``).

Where it comes from: the slides (slides_gradient_descent_ru), "the gradient step":
η_k = c, η_k = 1/k, η_k = λ(s0/(s0 + k))^p; the Q&A on gradient descent
(qa_gradient_descent_ru, question 13): schedules that change η stepwise, exponentially,
cosinusoidally.

The statement also exists in Kazakh and Russian: ``grade show 9 --lang kk`` /
``grade show 9 --lang ru``. Check your work with ``grade exercise 9``.
"""

from __future__ import annotations


def constant(k: int, eta: float = 0.1) -> float:
    """Constant learning rate.

    .. math:: η_k = c

    Symbols: k is ``k`` (unused); c is ``eta``.

    Args:
        k (int): the step number k ≥ 1.
        eta (float, optional): the constant c (default: 0.1).

    Returns:
        float: η_k.
    """
    raise NotImplementedError("Exercise 9: constant is not implemented yet — see `grade show 9`")


def inverse_time(k: int, eta0: float = 1.0) -> float:
    """Learning rate decaying as 1/k.

    .. math:: η_k = η_0 / k

    Symbols: k is ``k``; η_0 is ``eta0``.

    Args:
        k (int): the step number k ≥ 1.
        eta0 (float, optional): the initial rate η_0 (default: 1.0).

    Returns:
        float: η_k.
    """
    raise NotImplementedError(
        "Exercise 9: inverse_time is not implemented yet — see `grade show 9`"
    )


def power_decay(k: int, lam: float = 1.0, s0: float = 1.0, p: float = 0.5) -> float:
    """Power-law decay of the learning rate.

    .. math:: η_k = λ · (s_0 / (s_0 + k))^p

    Symbols: k is ``k``; λ is ``lam``; s_0 is ``s0``; p is ``p``.

    Args:
        k (int): the step number k ≥ 1.
        lam (float, optional): the scale λ (default: 1.0).
        s0 (float, optional): the offset s_0 (default: 1.0).
        p (float, optional): the power p (default: 0.5).

    Returns:
        float: η_k.
    """
    raise NotImplementedError(
        "Exercise 9: power_decay is not implemented yet — see `grade show 9`"
    )


def step_decay(k: int, eta0: float = 0.1, drop: float = 0.5, every: int = 10) -> float:
    """Piecewise-constant (step) decay.

    .. math:: η_k = η_0 · d^⌊k / m⌋   (⌊k / m⌋ = ``k // every``)

    Symbols: k is ``k``; η_0 is ``eta0``; d is ``drop``; m is ``every``.

    Args:
        k (int): the step number k ≥ 1.
        eta0 (float, optional): the initial rate η_0 (default: 0.1).
        drop (float, optional): the factor d applied every m steps (default: 0.5).
        every (int, optional): the period m, in steps (default: 10).

    Returns:
        float: η_k.
    """
    raise NotImplementedError("Exercise 9: step_decay is not implemented yet — see `grade show 9`")


def exponential_decay(k: int, eta0: float = 0.1, gamma: float = 0.9) -> float:
    """Exponential decay.

    .. math:: η_k = η_0 · γ^k

    Symbols: k is ``k``; η_0 is ``eta0``; γ is ``gamma``.

    Args:
        k (int): the step number k ≥ 1.
        eta0 (float, optional): the initial rate η_0 (default: 0.1).
        gamma (float, optional): the decay factor γ per step (default: 0.9).

    Returns:
        float: η_k.
    """
    raise NotImplementedError(
        "Exercise 9: exponential_decay is not implemented yet — see `grade show 9`"
    )


def cosine_annealing(k: int, eta0: float = 0.1, total: int = 100, eta_min: float = 0.0) -> float:
    """Cosine annealing from η_0 down to η_min over ``total`` steps.

    .. math:: η_k = η_min + (η_0 − η_min) · (1 + cos(π·k / T)) / 2

    Symbols: k is ``k``; η_0 is ``eta0``; T is ``total``; η_min is ``eta_min``.

    Args:
        k (int): the step number k ≥ 1.
        eta0 (float, optional): the initial rate η_0 (default: 0.1).
        total (int, optional): the length T of the schedule, in steps (default: 100).
        eta_min (float, optional): the final rate η_min (default: 0.0).

    Returns:
        float: η_k (η_0 at k = 0, η_min at k = T).
    """
    raise NotImplementedError(
        "Exercise 9: cosine_annealing is not implemented yet — see `grade show 9`"
    )
