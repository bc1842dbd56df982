

# ---- Appended to each reference module by tests/core/test_full_marks.py: the same solution,
# rounded otherwise. Every float the module's functions return, and every value returned by a
# function they are given (∇f, f), is multiplied by 1 + k·2⁻⁵², |k| ≤ 4, k drawn from the
# absolute values of the arguments: like round-off, a fixed function of the inputs, the same
# for x and −x (a tie of mirror-image runs stays a tie). Short significands (0.5, 3.5, 2) are
# left alone: exact in any order of operations.
import functools as _functools
import types as _types
import zlib as _zlib

import numpy as _np


def _roundoff_key(values):
    parts = []
    for value in values:
        try:
            parts.append(_np.abs(_np.asarray(value, dtype=float)).ravel())
        except (TypeError, ValueError):  # a function, a generator, a dict
            pass
    return _zlib.crc32(_np.concatenate(parts).tobytes() if parts else b"")


def _rounded_otherwise(value, key):
    if isinstance(value, (bool, int, str)) or value is None:
        return value
    if type(value) in (tuple, list):
        return type(value)(_rounded_otherwise(v, (key, i)) for i, v in enumerate(value))
    if isinstance(value, dict):
        return {name: _rounded_otherwise(v, (key, name)) for name, v in value.items()}
    if not isinstance(value, (float, _np.ndarray)) or _np.asarray(value).dtype.kind != "f":
        return value
    array = _np.asarray(value, dtype=float)
    k = _np.random.default_rng(_zlib.crc32(repr(key).encode())).integers(-4, 5, size=array.shape)
    with _np.errstate(invalid="ignore"):
        exact = (_np.frexp(array)[0] * 2.0**24) % 1 == 0
    result = _np.where(exact, array, array * (1 + k * 2.0**-52))
    return float(result) if isinstance(value, float) else result


def _rounding_otherwise(function, name):
    def given(argument):
        if not callable(argument) or isinstance(argument, type):
            return argument
        return lambda *args: _rounded_otherwise(argument(*args), ("given", name, _roundoff_key(args)))

    @_functools.wraps(function)
    def wrapper(*args, **kwargs):
        args = [given(a) for a in args]
        kwargs = {key: given(a) for key, a in kwargs.items()}
        return _rounded_otherwise(function(*args, **kwargs), (name, _roundoff_key([*args, *kwargs.values()])))
    return wrapper


for _name, _function in list(globals().items()):
    if isinstance(_function, _types.FunctionType) and _function.__module__ == __name__ and not _name.startswith("_"):
        globals()[_name] = _rounding_otherwise(_function, _name)
