"""The grader's loop around an optimizer's update rule, run the same way on every side.

The worker runs it around the student's rule, the grader around the reference and the
known wrong variants, so a trajectory costs one message instead of one per step.
Imported by the worker as a top-level module: no grader imports here.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np


class ReturnShapeError(TypeError):
    """The update rule returned something that is not (w_new, state...) of plain numbers.

    Its text is a reason the grader words in the student's language (verdict.update_return):
    'none|', 'count|N', 'type|NAME', 'shape|GOT|EXPECTED', 'keys|EXPECTED|GOT' or 'order|NAMES'."""


def plain_vector(value: Any, size: int) -> np.ndarray:
    """A copy of `value` as a float vector of `size`, accepting only lists, tuples and exact ndarrays."""
    if type(value) is np.ndarray:
        array = value.astype(float)
    elif type(value) in (list, tuple) and all(type(v) in (int, float) or type(v).__module__ == "numpy" for v in value):
        array = np.array([float(v) for v in value])
    else:
        raise ReturnShapeError(f"type|{type(value).__name__}")
    if array.shape != (size,):
        raise ReturnShapeError(f"shape|{array.shape}|({size},)")
    return array


def containers(args: Any) -> list:
    """The arguments a call could change in place (lists, arrays, dicts), None for the others
    (numbers, test functions, generators): what an `inputs` request answers."""
    return [arg if type(arg) in (list, dict, np.ndarray) else None for arg in args]


def returned_parts(result: Any) -> list | None:
    """The parts of what an update rule returned: a list, a tuple (a namedtuple too, read with
    tuple's own iterator) or the rows of an exact 2-d ndarray (np.stack([w_new, h_new]));
    None for anything else (w_new alone is a 1-d array: not mistaken for the parts)."""
    if type(result) is list:
        return result
    if issubclass(type(result), tuple):  # by the class: isinstance asks the object's __class__
        return list(tuple.__iter__(result))
    if type(result) is np.ndarray and result.ndim == 2:
        return list(result)
    return None


def check_state_keys(state: Any, keys: list) -> None:
    """A dict state (an OrderedDict too, its keys read by dict's own method) fed back to the
    next step must hold every key it was given: a missing one would raise in the student's
    next call, on a line that is right."""
    is_dict = issubclass(type(state), dict)
    if not is_dict or not set(keys) <= set(dict.keys(state)):
        got = ", ".join(sorted(str(key) for key in dict.keys(state))) if is_dict else type(state).__name__
        raise ReturnShapeError(f"keys|{', '.join(keys)}|{got}")


def iterate(
    update: Callable,
    grad_f: Callable,
    w0: Any,
    state: Any,
    steps: int,
    pass_callable: bool = False,
    with_t: bool = False,
    **hyperparameters: Any,
) -> np.ndarray:
    """Apply `w, *state = update(w, g, *state[, t], **hyperparameters)` for t = 1..steps.

    g is grad_f(w), or grad_f itself when pass_callable (Nesterov). A dict state is passed as
    one argument (ex15). Returns the iterates w_0..w_steps, shape (steps + 1, d); after a
    non-finite iterate the remaining rows are NaN.
    """
    w = np.array(w0, dtype=float)
    trajectory = np.full((steps + 1, w.size), np.nan)
    trajectory[0] = w
    dict_state = isinstance(state, dict)
    state_keys = list(state) if dict_state else []  # before any call: a rule may add to what it is given
    # No copies of w are handed out: the row of w is already stored, and w is replaced by a
    # fresh array (plain_vector) after every step, so an update that writes into its
    # argument changes nothing here. (Per step this loop costs ~2 µs; the rule, the rest.)
    for t in range(1, steps + 1):
        gradient = grad_f if pass_callable else np.asarray(grad_f(w), dtype=float)
        state_args = (state,) if dict_state else tuple(state)
        returned = update(w, gradient, *state_args, *((t,) if with_t else ()), **hyperparameters)
        if returned is None:
            raise ReturnShapeError("none|")
        result = returned_parts(returned)
        if result is None or len(result) != 1 + len(state_args):
            raise ReturnShapeError(f"count|{1 + len(state_args)}")
        if dict_state and issubclass(type(result[0]), dict) and not issubclass(type(result[1]), dict):
            raise ReturnShapeError("order|w_new, state_new")
        w = plain_vector(result[0], w.size)
        state = result[1] if dict_state else tuple(result[1:])
        if dict_state:
            check_state_keys(state, state_keys)
        trajectory[t] = w
        if not np.isfinite(w).all():
            break
    return trajectory
