"""The assertions the hidden suites make: the student's answer against the reference's.

A suite hands over an expression of an implementation (`lambda m: m.gradient_step(v, g, s)`),
the spec of its answer and a description of the call. The expected answer comes from the
oracle (oracle.py: the live reference, or answers recorded at release), the student's from
their module (through the worker); when they disagree, the raised `Mismatch` can fetch the
answers of the known wrong variants for the same check, so the diagnosis can name the mistake.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

import numpy as np

from .compare import BadValue, Difference, Spec, Tolerance, show
from .curriculum import Exercise
from .defaults import not_the_statements, relied_on
from .i18n import translate
from .sandbox.client import StudentError

Expression = Callable[[Any], Any]

# A parameter of a signature that draws at random: "fit_linear_sgd(x, y, …, seed=0, …)",
# "random_starts(n_starts, dim, eps, rng)".
RANDOMISED = re.compile(r"[(,]\s*(seed|rng)\b")


@dataclass
class Mismatch(Exception):
    """The student's answer differs from the reference's (or does not converge)."""

    variant_answers: Callable[[], dict[str, Any]]
    spec: Spec
    tolerance: Tolerance
    got: Any
    expected: Any
    difference: Difference
    call: Any  # a str or a CallDescription
    message_id: str = "check.mismatch"
    params: dict = field(default_factory=dict)
    # Gives (name, the student's default, the statement's) for each default the call relied on
    # that the student set otherwise (defaults.py). Asked only if no known variant names the
    # answer: the question may start a worker.
    wrong_defaults: Callable[[], tuple] = tuple
    # The student's answer to the same call asked once more (None where that tells nothing: a
    # function that draws nothing at random). Asked only if no known variant names the answer.
    answer_again: Callable[[], Any] | None = None

    def __str__(self) -> str:
        return f"{self.call}: expected {show(self.expected)}, got {show(self.got)}"


class Code(str):
    """Python shown as it is in a call's description (`k`, `np.random.default_rng(7)`), where a
    plain string would be shown quoted, as the value it is."""


class DefaultsCall(str):
    """A check's call described in words, which calls each of `uses_defaults` with every
    argument that has a default left out."""

    uses_defaults: tuple[str, ...]

    def __new__(cls, text: str, functions: tuple[str, ...]) -> "DefaultsCall":
        described = super().__new__(cls, text)
        described.uses_defaults = tuple(functions)
        return described


def _unpadded(text: str) -> str:
    """numpy's text of a list without the spaces that align its columns: "[[ 2.  ], [-0.5 ]]"
    is "[[2.], [-0.5]]", "[1.2,  0.9]" is "[1.2, 0.9]" (a padded "[ 2.6," also broke a wrapped
    line after its "[")."""
    return re.sub(r",\s+", ", ", re.sub(r"\s+(?=[,\]])", "", re.sub(r"\[\s+", "[", text)))


class CallDescription:
    """`gradient_step([1, 2], [0.5, -1], -0.1)`, formatted only when shown: most checks pass,
    and a batch makes each check once per submission. Long vectors are shown by their shape.
    With `loop` ("k in range(1, 41)"), the check's answer is the list of the calls over it:
    `[inverse_time(k, eta0=1.5) for k in range(1, 41)]`, whose result[0] is k = 1."""

    __slots__ = ("function", "args", "kwargs", "loop")

    def __init__(self, function: str, args: tuple, kwargs: dict, loop: str | None = None):
        self.function, self.args, self.kwargs, self.loop = function, args, kwargs, loop

    @staticmethod
    def _short(value: Any, lang: str) -> str:
        if isinstance(value, Code):
            return str(value)
        if isinstance(value, (list, tuple, np.ndarray)) and np.size(value) > 6:
            return translate("call.long_value", lang, type=type(value).__name__, shape=np.shape(value))
        if hasattr(value, "wire_spec"):
            return f"{value.name}.{value.part}"
        if isinstance(value, (list, tuple, np.ndarray)):  # numpy's padding off: "[ 2.6, -0.7]" is "[2.6, -0.7]"
            return _unpadded(show(np.asarray(value)))
        return show(value)

    def text(self, lang: str = "en") -> str:
        """The call as the student would write it, long vectors named by their shape in `lang`."""
        parts = [self._short(a, lang) for a in self.args] + [f"{k}={self._short(v, lang)}" for k, v in self.kwargs.items()]
        call = f"{self.function}({', '.join(parts)})"
        return f"[{call} for {self.loop}]" if self.loop else call

    def __str__(self) -> str:
        return self.text()


def describe_call(function: str, *args: Any, **kwargs: Any) -> CallDescription:
    """How a check's call is shown to the student (see CallDescription)."""
    return CallDescription(function, args, kwargs)


def describe_calls(loop: str, function: str, *args: Any, **kwargs: Any) -> CallDescription:
    """A check of the list of calls over `loop` ("k in range(1, 41)"), shown as the list
    comprehension that makes it."""
    return CallDescription(function, args, kwargs, loop)


class Checker:
    """`check(expr, spec, call)` for one test: the student against the oracle's answer.

    Checks are keyed "<test node id>#<index>" in the order the test makes them."""

    def __init__(self, student: Any, oracle: Any, test_id: str, tolerance: Tolerance = Tolerance(),
                 exercise: Exercise | None = None):
        self.student, self.oracle, self.test_id, self.tolerance = student, oracle, test_id, tolerance
        self.exercise = exercise  # whose statement's defaults a failed check is held against
        self._count = 0

    def wrong_defaults(self, call: Any) -> tuple:
        """The defaults `call` relies on that the student set otherwise (asked only when a
        check fails; () without an exercise or a student that can tell)."""
        if self.exercise is None or not hasattr(self.student, "defaults_of"):
            return ()
        return not_the_statements(self.student, relied_on(call, self.exercise))

    def expected(self, expression: Expression, spec: Spec) -> tuple[Any, Callable[[], dict[str, Any]]]:
        """The normalized expected answer, and a function giving the variants' raw answers."""
        key = f"{self.test_id}#{self._count}"
        self._count += 1
        answer = spec.normalize(self.oracle.expected(key, expression), "reference")
        return answer, lambda: self.oracle.variants(key, expression)

    def __call__(self, expression: Expression, spec: Spec, call: "str | CallDescription", tolerance: Tolerance | None = None) -> Any:
        tolerance = tolerance or self.tolerance
        expected, variants = self.expected(expression, spec)
        got = self._students(expression, spec, call)
        difference = spec.difference(got, expected, tolerance)
        if difference is not None:
            raise Mismatch(variants, spec, tolerance, got, expected, difference, call,
                           wrong_defaults=partial(self.wrong_defaults, call), answer_again=self._again(expression, spec, call))
        return got

    def _again(self, expression: Expression, spec: Spec, call: Any) -> Callable[[], Any] | None:
        """Asks the student's answer to the call once more, when the function called takes a
        seed or a generator (the statement's signature says `seed` or `rng`): with the same
        arguments, a function that uses them answers the same; one that does not, another."""
        if not (isinstance(call, CallDescription) and self.exercise is not None and hasattr(self.student, "asked_again")):
            return None
        if not RANDOMISED.search(self.exercise.signatures.get(call.function, "")):
            return None
        return partial(self._answer_again, expression, spec)

    def _answer_again(self, expression: Expression, spec: Spec) -> Any:
        """The student's normalized answer asked again, or None if it cannot be had."""
        try:
            return spec.normalize(expression(self.student.asked_again()))
        except (BadValue, StudentError):
            return None

    def unchanged(self, expression: Expression, spec: Spec, call: "str | CallDescription") -> Any:
        """The arguments as the student's function left them (`m.inputs_after(…)`) are, to the
        last bit, the ones it was given: the reference changes none of them."""
        exact = Tolerance(rtol=0.0, atol=0.0)
        expected, variants = self.expected(expression, spec)
        got = self._students(expression, spec, call)
        difference = spec.difference(got, expected, exact)
        if difference is not None:
            raise Mismatch(variants, spec, exact, got, expected, difference, call, message_id="check.input_changed")
        return got

    def _students(self, expression: Expression, spec: Spec, call: "str | CallDescription") -> Any:
        """The student's answer, normalized; a BadValue says which call gave it."""
        try:
            return spec.normalize(expression(self.student))
        except BadValue as error:
            error.call = call
            error.wrong_defaults = partial(self.wrong_defaults, call)
            raise

    def converges(self, expression: Expression, spec: Spec, call: "str | CallDescription", target: Any, atol: float, margin: int) -> Any:
        """The trajectory comes within atol of target (max norm) no later than the reference's
        first step that does, plus `margin` steps."""
        expected, variants = self.expected(expression, spec)
        reference_steps = first_within(expected, target, atol)
        if reference_steps is None:
            raise AssertionError(f"suite error: the reference does not reach {target} in {call}")
        got = self._students(expression, spec, call)
        steps = first_within(got, target, atol)
        allowed = reference_steps + margin
        if steps is None or steps > allowed:
            raise Mismatch(
                variants, spec, self.tolerance, got, expected, Difference("[-1]", got[-1], np.asarray(target, dtype=float)), call,
                message_id="check.not_converged",
                params={"steps": "—" if steps is None else steps, "allowed": allowed, "atol": f"{atol:g}"},
                wrong_defaults=partial(self.wrong_defaults, call),
            )
        return got


def first_within(trajectory: np.ndarray, target: Any, atol: float) -> int | None:
    """The first step k with max_i |x_k,i − target_i| < atol, or None."""
    with np.errstate(invalid="ignore"):
        close = np.all(np.abs(trajectory - np.asarray(target, dtype=float)) < atol, axis=-1)
    hits = np.flatnonzero(close)
    return int(hits[0]) if hits.size else None
