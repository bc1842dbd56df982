"""Default values of arguments: the statement's, and the ones a failed check relied on.

A check that leaves an argument out (`gradient_descent(grad_f, x0)`) runs on the student's
default for it. When such a check fails and the student's default is not the statement's
(`max_steps=500` for 1000), that is what the student is told, whatever else the numbers show
(one more or fewer iterate, a slower fit). The statement's defaults come from the signatures
in grader/curriculum/exNN.yaml (the student edition has them; it has no reference).
"""

from __future__ import annotations

import ast
import math
from functools import lru_cache
from typing import Any, Protocol

from .curriculum import Exercise

NO_DEFAULT = object()


class AsksDefaults(Protocol):
    def defaults_of(self, function: str) -> dict[str, Any]: ...


@lru_cache(maxsize=None)
def statement_parameters(signature: str) -> tuple[tuple[str, Any], ...]:
    """The parameters of a statement's signature, "f(x, h=1e-05) -> float", in order, each
    with its default (NO_DEFAULT where it has none)."""
    head = signature.split(" -> ")[0].strip()
    arguments = ast.parse(f"def {head}: pass").body[0].args
    positional = arguments.posonlyargs + arguments.args
    defaults = [NO_DEFAULT] * (len(positional) - len(arguments.defaults)) + [ast.literal_eval(d) for d in arguments.defaults]
    keyword_only = [NO_DEFAULT if d is None else ast.literal_eval(d) for d in arguments.kw_defaults]
    return tuple(zip([a.arg for a in positional + arguments.kwonlyargs], defaults + keyword_only))


def relied_on(call: Any, exercise: Exercise) -> dict[str, dict[str, Any]]:
    """The statement's defaults a check's call leaves to the student: {function: {name: value}}.

    `call` is a CallDescription (its positional and keyword arguments say which are given),
    or a text naming the functions it calls with every default (`uses_defaults`)."""
    functions = getattr(call, "uses_defaults", None)
    if functions is not None:
        return {f: _defaults(exercise, f, 0, ()) for f in functions if f in exercise.signatures}
    function = getattr(call, "function", None)
    if function not in exercise.signatures:
        return {}
    return {function: _defaults(exercise, function, len(call.args), call.kwargs)}


def _defaults(exercise: Exercise, function: str, given: int, keywords: Any) -> dict[str, Any]:
    parameters = statement_parameters(exercise.signatures[function])
    return {name: default for name, default in parameters[given:] if default is not NO_DEFAULT and name not in keywords}


def not_the_statements(student: AsksDefaults, relied: dict[str, dict[str, Any]]) -> tuple[tuple[str, Any, Any], ...]:
    """(name, the student's default, the statement's) for each default relied on that the
    student set otherwise. A default the worker does not report (None as "not given", an
    expression) is not blamed: the check's numbers speak for it."""
    found = []
    for function, statement in relied.items():
        if not statement:
            continue
        theirs = student.defaults_of(function)
        found += [(name, theirs[name], value) for name, value in statement.items()
                  if name in theirs and not _same(theirs[name], value)]
    return tuple(found)


def _same(theirs: Any, statement: Any) -> bool:
    """Equal values (1000 and 1000.0, False and 0 behave alike); NaN is NaN."""
    if theirs == statement:
        return True
    return isinstance(theirs, float) and isinstance(statement, float) and math.isnan(theirs) and math.isnan(statement)
