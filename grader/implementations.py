"""The three kinds of implementation a suite expression is evaluated on, behind one interface.

A suite writes `lambda m: m.gradient_step(v, g, -0.1)` or
`lambda m: m.iterate("momentum_update", q.grad, w0, (h0,), 100, learning_rate=0.01)`, and the
grader evaluates it on:
- `StudentModule`: calls go to the worker (untrusted; values come back as plain data);
- `LocalModule`: the reference, or a known wrong variant (reference functions overlaid by the
  variant's), called in-process on private copies of the arguments.
"""

from __future__ import annotations

import copy
import types
from typing import Any, Callable, Mapping

import numpy as np

from .sandbox import loops
from .sandbox.client import StudentProtocolError, StudentSession
from .sandbox.protocol import RngSpec


class StudentModule:
    """The student's exercise module, reached through its worker."""

    def __init__(self, session: StudentSession, again: bool = False):
        self._session, self._again = session, again

    def asked_again(self) -> "StudentModule":
        """The same module, whose calls are asked once more, live, past a batch's planned answers
        (StudentSession.ask_again): a failed check's second look."""
        return StudentModule(self._session, again=True)

    def _ask(self, kind: str, function: str, args: tuple, kwargs: dict) -> Any:
        if self._again:
            return self._session.ask_again(kind, function, args, kwargs)
        ask = {"call": self._session.call, "iterate": self._session.iterate, "inputs": self._session.inputs_after}[kind]
        return ask(function, *args, **kwargs)

    def __getattr__(self, function: str) -> Callable[..., Any]:
        if function.startswith("_"):
            raise AttributeError(function)
        return lambda *args, **kwargs: self._ask("call", function, args, kwargs)

    def defaults_of(self, function: str) -> dict[str, Any]:
        """The plain default values of the student's function's parameters (asked of a worker)."""
        return self._session.defaults_of(function)

    def iterate(self, function: str, *args: Any, **kwargs: Any) -> np.ndarray:
        """loops.iterate around the student's update rule, run inside the worker."""
        return self._ask("iterate", function, args, kwargs)

    def inputs_after(self, function: str, *args: Any, **kwargs: Any) -> list:
        """The positional arguments as the student's function left them (loops.containers);
        anything but a list of as many is not what the worker sends: tampering."""
        after = self._ask("inputs", function, args, kwargs)
        if type(after) is not list or len(after) != len(args):
            raise StudentProtocolError("an 'inputs' reply that is not the call's arguments")
        return after


def _private_copy(value: Any) -> Any:
    """A fresh argument: RNG specs become new generators, arrays and lists are copied."""
    if isinstance(value, RngSpec):
        return value.build()
    if isinstance(value, (np.ndarray, list, dict)):
        return copy.deepcopy(value)
    return value


class LocalModule:
    """A trusted implementation (the reference or a wrong variant), called in-process."""

    def __init__(self, functions: Mapping[str, Callable[..., Any]], name: str = "reference"):
        self._functions = dict(functions)
        self.name = name

    @classmethod
    def from_module(cls, module: types.ModuleType, overrides: Mapping[str, Callable] | None = None, name: str = "reference") -> "LocalModule":
        public = {key: value for key, value in vars(module).items() if callable(value) and not key.startswith("_")}
        return cls({**public, **(overrides or {})}, name)

    def __getattr__(self, function: str) -> Callable[..., Any]:
        if function.startswith("_") or function not in self._functions:
            raise AttributeError(function)
        target = self._functions[function]

        def call(*args: Any, **kwargs: Any) -> Any:
            args = [_private_copy(a) for a in args]
            kwargs = {k: _private_copy(v) for k, v in kwargs.items()}
            with np.errstate(all="ignore"):
                return target(*args, **kwargs)

        return call

    def iterate(self, function: str, *args: Any, **kwargs: Any) -> np.ndarray:
        args = [_private_copy(a) for a in args]
        with np.errstate(all="ignore"):
            return loops.iterate(self._functions[function], *args, **kwargs)

    def inputs_after(self, function: str, *args: Any, **kwargs: Any) -> list:
        args = [_private_copy(a) for a in args]
        with np.errstate(all="ignore"):
            self._functions[function](*args, **kwargs)
        return loops.containers(args)
