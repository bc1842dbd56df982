"""Exercise 17's known mistakes."""

import inspect

import numpy as np

from reference.ex04_gradient_descent import gradient_descent
from reference.ex17_multistart import multistart

_EX04_DEFAULTS = inspect.signature(gradient_descent).parameters  # ex04's defaults: η = 0.1, 1000 steps
EX04_LEARNING_RATE, EX04_MAX_STEPS = _EX04_DEFAULTS["learning_rate"].default, _EX04_DEFAULTS["max_steps"].default


def _kept_run(f, grad_f, starts, learning_rate, max_steps, replaces, value=None, shown=None, best_f=np.inf):
    """multistart with its choices given: of the runs that end finite, the one whose `value`
    (f(final) unless given: value(start, final)) `replaces(value, best_f)` the best so far (the
    first run always), reported as `shown(start, final)` (final unless given) with its value."""
    best_x = None
    for start in starts:
        final = gradient_descent(grad_f, start, learning_rate, max_steps)[-1]
        if not np.all(np.isfinite(final)):
            continue
        run_value = float(value(start, final) if value else f(final))
        if best_x is None or replaces(run_value, best_f):
            best_x, best_f = (shown(start, final) if shown else final), run_value
    return best_x, best_f


def largest(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    return _kept_run(f, grad_f, starts, learning_rate, max_steps, lambda run, best: run > best, best_f=-np.inf)


def last_kept(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    """best_x, best_f = final, f(final) after every finite run, without comparing: the last run
    wins (or `f(final) <= best_f`: the last of equal runs)."""
    return _kept_run(f, grad_f, starts, learning_rate, max_steps, lambda run, best: True)


def start_returned(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    """The run with the lowest f(final) is picked, but its start is returned as best_x, not its final iterate."""
    return _kept_run(f, grad_f, starts, learning_rate, max_steps, lambda run, best: run < best,
                     shown=lambda start, final: np.asarray(start, dtype=float))


def f_at_start(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    """The runs compared by f(start), where they begin, not by f(final); best_f = f(start) too."""
    return _kept_run(f, grad_f, starts, learning_rate, max_steps, lambda run, best: run < best,
                     value=lambda start, final: f(np.asarray(start, dtype=float)))


def not_skipping(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best_x, best_f = None, np.inf
    for start in starts:
        final = gradient_descent(grad_f, start, learning_rate, max_steps)[-1]
        with np.errstate(all="ignore"):
            value = float(f(final))  # a diverged run's f is inf or nan: compared all the same
        if best_x is None or value < best_f:
            best_x, best_f = final, value
    return best_x, best_f


def best_on_the_path(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best_x, best_f = None, np.inf
    for start in starts:
        for point in gradient_descent(grad_f, start, learning_rate, max_steps):  # every iterate, not the final one
            if np.all(np.isfinite(point)) and (best_x is None or f(point) < best_f):
                best_x, best_f = point, float(f(point))
    return best_x, best_f


def drawn_transposed(n_starts, dim, eps, rng):
    """rng.uniform(−ε, ε, size=(dim, n_starts)).T: the right numbers, laid out a start per column."""
    return rng.uniform(-eps, eps, size=(dim, n_starts)).T


def drawn_from_zero(n_starts, dim, eps, rng):
    """rng.uniform(0, ε): only half of the interval (−ε, ε)."""
    return rng.uniform(0, eps, size=(n_starts, dim))


def arguments_not_passed(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    """gradient_descent(grad_f, start): multistart's learning_rate and max_steps never reach the
    runs, which take ex04's defaults (η = 0.1, 1000 steps): the reference with those."""
    with np.errstate(all="ignore"):
        return multistart(f, grad_f, starts, learning_rate=EX04_LEARNING_RATE, max_steps=EX04_MAX_STEPS)


def max_steps_not_passed(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    """gradient_descent(grad_f, start, learning_rate): max_steps left to ex04's default 1000."""
    with np.errstate(all="ignore"):
        return multistart(f, grad_f, starts, learning_rate=learning_rate, max_steps=EX04_MAX_STEPS)


def drawn_normal(n_starts, dim, eps, rng):
    """rng.normal(0, ε, size=(n_starts, dim)) (or rng.standard_normal(…) * ε): a normal spread
    ε, not uniform on (−ε, ε)."""
    return rng.normal(0, eps, size=(n_starts, dim))


VARIANTS = {"largest_loss_picked": {"multistart": largest}, "last_run_kept": {"multistart": last_kept},
            "non_finite_not_skipped": {"multistart": not_skipping},
            "best_iterate_on_the_path": {"multistart": best_on_the_path},
            "starts_drawn_transposed": {"random_starts": drawn_transposed},
            "starts_from_zero": {"random_starts": drawn_from_zero},
            "start_returned": {"multistart": start_returned}, "f_at_start": {"multistart": f_at_start},
            "arguments_not_passed": {"multistart": arguments_not_passed},
            "arguments_not_passed/max_steps": {"multistart": max_steps_not_passed},
            "starts_normal": {"random_starts": drawn_normal}}
