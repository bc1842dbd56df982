"""The stubs, the statements and the reference agree on every function's signature: a student
reads the statement and fills the stub, and the default-arguments tests call the reference's
defaults (they outlive edits, like titles)."""

from __future__ import annotations

import ast
import importlib
import inspect
import re

import pytest

from grader import curriculum
from grader.i18n import LANGUAGES

SIGNATURE_LINE = re.compile(r"^\s+(\w+)\(([^()]*)\)(?:\s*->.*|\s{2,}.*)?$")  # may be followed by -> or a formula
EXERCISES = curriculum.all_exercises()


def public_functions(module: object) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(value) for name, value in vars(module).items()
            if inspect.isfunction(value) and value.__module__ == module.__name__ and not name.startswith("_")}


def as_parameters(signature: inspect.Signature) -> list[tuple[str, object]]:
    return [(p.name, p.default) for p in signature.parameters.values()]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.module)
def test_stubs_have_the_references_signatures(exercise):
    reference = public_functions(importlib.import_module(f"reference.{exercise.module}"))
    stub = public_functions(importlib.import_module(f"exercises.{exercise.module}"))
    assert reference and set(reference) <= set(stub), set(reference) - set(stub)
    for name, signature in reference.items():
        assert [(p.name, p.kind, p.default) for p in stub[name].parameters.values()] == \
               [(p.name, p.kind, p.default) for p in signature.parameters.values()], (name, stub[name], signature)


def statement_signatures(text: str) -> dict[str, list[tuple[str, object]]]:
    """The `name(a, b=1e-8)` lines of a statement, parsed: {name: [(parameter, default)]}."""
    found = {}
    for line in text.splitlines():
        match = SIGNATURE_LINE.match(line)
        if match:
            arguments = ast.parse(f"def f({match.group(2)}): pass").body[0].args
            defaults = [inspect.Parameter.empty] * (len(arguments.args) - len(arguments.defaults)) + \
                       [ast.literal_eval(d) for d in arguments.defaults]
            found[match.group(1)] = [(a.arg, d) for a, d in zip(arguments.args, defaults)]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statements_show_the_references_signatures(lang):
    for exercise in EXERCISES:
        reference = public_functions(importlib.import_module(f"reference.{exercise.module}"))
        shown = statement_signatures(exercise.statement[lang])
        assert set(reference) <= set(shown), (lang, exercise.number, set(reference) - set(shown))
        for name, signature in reference.items():
            assert shown[name] == as_parameters(signature), (lang, exercise.number, name, shown[name])
