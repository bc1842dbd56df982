"""Gradient descent on a diagonal quadratic Σ a_i (x_i − c_i)², in closed form: the suites of
exercises 4 and 17 keep inputs whose verdict round-off cannot decide.

Where a run stops (the first step shorter than tol) is a discrete outcome: a step whose length
is within a few units in the last place of tol stops one solution and not another that rounds
otherwise (a 1e-8 step between iterates of size 5 is known to ~1e-7 of itself). Inputs with
a step within ULPS of tol turn up at 1 seed in ~1700 per test; they are drawn again.
"""

import numpy as np

TOL = 1e-8  # gradient_descent's default
ULPS = 1000  # how far from tol a step's length must be, in units in the last place of the iterate


def run(q, x0, learning_rate, max_steps=1000, tol=TOL):
    """Gradient descent on q (diag_quadratic) from x0 up to where it stops, as the deviations
    x_k − c = ρ^k (x0 − c), ρ = 1 − 2aη, and the steps x_k − x_{k−1} = −2aη (x_{k−1} − c), from
    the inputs alone: no rounded iterate is subtracted, so the machine that draws the inputs
    moves a step's length by ~1e-16 of it, not ~1e-8, and keeps the same inputs as the one that
    recorded the answers. None when a step's length is within ULPS units in the last place (of
    the iterate) of tol: the stop would be round-off's to decide."""
    a, c = np.asarray(q.params["scales"], dtype=float), np.asarray(q.params["center"], dtype=float)
    k = np.arange(max_steps + 1)[:, None]
    deviations = (1 - 2 * a * learning_rate) ** k * (np.asarray(x0, dtype=float) - c)
    lengths = np.linalg.norm(2 * a * learning_rate * deviations[:-1], axis=1)
    slack = ULPS * np.finfo(float).eps * np.max(np.abs(c + deviations[1:]), axis=1)
    if np.any(np.abs(lengths - tol) <= slack):
        return None
    below = np.flatnonzero(lengths < tol)
    return deviations[: below[0] + 2] if below.size else deviations


def stops_clear_of_tol(q, x0, learning_rate, max_steps=1000, tol=TOL):
    """Whether the run from x0 stops where any right solution stops, however it rounds."""
    return run(q, x0, learning_rate, max_steps, tol) is not None


def start_clear_of_tol(draw, q, learning_rate, max_steps=1000, tol=TOL):
    """x0 = draw(), drawn again while round-off could decide where its run on q stops."""
    x0 = draw()
    while not stops_clear_of_tol(q, x0, learning_rate, max_steps, tol):
        x0 = draw()
    return x0


def best_end_is_clear(q, starts, learning_rate, max_steps=1000, tol=TOL):
    """Whether every run from `starts` stops clear of tol and the lowest f among their ends is
    below the next by more than ULPS units in the last place of the ends could move f: the run
    multistart picks is then the same however a right solution rounds (runs to one minimum end
    ~1e-7 apart, and their f can tie to the last bit)."""
    ends = _ends(q, starts, learning_rate, max_steps, tol)
    if ends is None:
        return False
    a, c = np.asarray(q.params["scales"], dtype=float), np.asarray(q.params["center"], dtype=float)
    f = _values(q, ends)
    slack = 2 * np.sum(a * np.abs(ends), axis=1) * ULPS * np.finfo(float).eps * np.max(np.abs(c + ends), axis=1)
    best, second = np.argsort(f, kind="stable")[:2]
    return bool(f[second] - f[best] > slack[best] + slack[second])


def end_values(q, starts, learning_rate, max_steps=1000, tol=TOL):
    """f(x_end) − f(c) of the run from each start (each stops clear of tol)."""
    return _values(q, _ends(q, starts, learning_rate, max_steps, tol))


def _ends(q, starts, learning_rate, max_steps, tol):
    """x_end − c of the run from each start, one row each; None if a run does not stop clear of tol."""
    paths = [run(q, start, learning_rate, max_steps, tol) for start in starts]
    return None if any(path is None for path in paths) else np.array([path[-1] for path in paths])


def _values(q, ends):
    """f(x) − f(c) = Σ a_i (x_i − c_i)² of each row of `ends` (x − c)."""
    return np.sum(np.asarray(q.params["scales"], dtype=float) * ends**2, axis=1)
