"""The precision a numeric question asks for, and what its answers need of the tolerance.

A question states its precision in the text of every language, with a digit:

    en  (to 3 significant digits)        (to 2 decimal places)
    ru  (с точностью до 3 значащих цифр)  (с точностью до 2 знаков после запятой)
    kk  (3 мәнді цифрға дейін)            (2 ондық таңбаға дейін)

Lint then requires that the tolerance accepts the answer rounded as asked (half to even and half
up) on every draw, and that a question whose answer does not end (1/3, √2) asks for a precision:
otherwise a learner cannot know how many digits are enough.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from typing import Iterator, Mapping

from grader.i18n import LANGUAGES
from grader.quiz.answers import format_number
from grader.quiz.errors import Phrase, Problem
from grader.quiz.expr import ExprError, evaluate
from grader.quiz.model import Numeric, ParamNumeric, Question, Tolerance, draw_values

SIGNIFICANT, DECIMALS = "significant", "decimals"
PATTERNS: dict[str, dict[str, re.Pattern]] = {
    "en": {SIGNIFICANT: re.compile(r"(\d+) significant digits?"),
           DECIMALS: re.compile(r"(\d+) decimal places?")},
    "ru": {SIGNIFICANT: re.compile(r"(\d+) значащ\w* цифр"),
           DECIMALS: re.compile(r"(\d+) знак\w* после запятой")},
    "kk": {SIGNIFICANT: re.compile(r"(\d+) мәнді цифр"),
           DECIMALS: re.compile(r"(\d+) ондық таңба")},
}
# An answer "ends" when a learner who types it in full is right and cannot round it wrongly:
# it is a decimal of at most END_DIGITS significant digits (up to float noise, FLOAT_NOISE), or
# the shortest decimal the tolerance accepts differs from it by less than TOLERANCE_SHARE of the
# tolerance (the effect of ε = 1e-8 on 0.1 is such a difference; the digits of 1/3 or √2 are not).
END_DIGITS = 7
FLOAT_NOISE = 1e-12
TOLERANCE_SHARE = 0.01
# Lint checks every draw of a parametrised question with at most ALL_DRAWS of them, else DRAWS.
ALL_DRAWS = 1000
DRAWS = 300
ROUNDINGS = (ROUND_HALF_EVEN, ROUND_HALF_UP)


@dataclass(frozen=True)
class Precision:
    """N significant digits, or N decimal places."""

    kind: str
    digits: int

    def phrase(self) -> Phrase:
        """How a message names it, in the language of the message."""
        if self.kind == SIGNIFICANT:
            return Phrase("quiz.precision.significant", {"digits": self.digits})
        return Phrase("quiz.precision.decimals", {"digits": self.digits})


def stated(text: str, lang: str) -> Precision | None:
    """The precision that `text` (in `lang`) asks for, if any."""
    for kind, pattern in PATTERNS[lang].items():
        match = pattern.search(text)
        if match:
            return Precision(kind, int(match.group(1)))
    return None


def rounded(value: float, precision: Precision) -> set[Decimal]:
    """`value` rounded as asked, half to even and half up (both are correct roundings)."""
    exact = Decimal(repr(value))
    if exact == 0:
        return {Decimal(0)}
    exponent = exact.adjusted() - precision.digits + 1 if precision.kind == SIGNIFICANT \
        else -precision.digits
    context = Context(prec=len(exact.as_tuple().digits) + abs(exponent) + 10)
    return {exact.quantize(Decimal(1).scaleb(exponent), rounding=mode, context=context)
            for mode in ROUNDINGS}


def accepts(tolerance: Tolerance, given: Decimal, value: float) -> bool:
    """tolerance.allows(given, value), decided in floats unless it is too close to call."""
    gap = abs(float(given) - value)
    bound = max(tolerance.absolute, tolerance.relative * abs(value))
    error = 4e-16 * (abs(value) + abs(float(given))) + 1e-300
    if gap + error < bound:
        return True
    if gap - error > bound:
        return False
    return tolerance.allows(Fraction(given), value)


def rejected_rounding(value: float, precision: Precision, tolerance: Tolerance) -> Decimal | None:
    """A correct rounding of `value` that `tolerance` rejects, or None."""
    return next((r for r in sorted(rounded(value, precision)) if not accepts(tolerance, r, value)),
                None)


def ends(value: float, tolerance: Tolerance) -> bool:
    """A learner who types the answer in full, to the tolerance's resolution, is right."""
    if value == 0 or not math.isfinite(value):
        return value == 0
    if abs(float(f"{value:.{END_DIGITS}g}") - value) <= FLOAT_NOISE * abs(value):
        return True
    for digits in range(17):
        shortest = Decimal(f"{value:.{digits}e}")
        if accepts(tolerance, shortest, value):
            share = Tolerance(tolerance.absolute * TOLERANCE_SHARE, tolerance.relative * TOLERANCE_SHARE)
            return accepts(share, shortest, value)
    return True


def answers(question: Numeric | ParamNumeric) -> Iterator[tuple[Mapping[str, float], float]]:
    """(drawn values, answer): the one answer of a numeric question; every draw of a
    parametrised one when there are at most ALL_DRAWS, else DRAWS random ones."""
    if isinstance(question, Numeric):
        yield {}, float(question.answer)
        return
    names = [variable.name for variable in question.variables]
    if math.prod(len(variable.choices) for variable in question.variables) <= ALL_DRAWS:
        draws = (dict(zip(names, combination)) for combination in
                 itertools.product(*(variable.choices for variable in question.variables)))
    else:
        draws = (draw_values(question.variables, random.Random(seed)) for seed in range(DRAWS))
    for values in draws:
        try:
            yield values, evaluate(question.answer, values)
        except ExprError:  # reported by the schema (expression_fails)
            continue


def where(value: float, values: Mapping[str, float]) -> str:
    """`0.1825741858 (lam = 0.1, k = 20)`: an answer and the draw it comes from."""
    shown = format_number(value)
    if not values:
        return shown
    return f"{shown} ({', '.join(f'{name} = {format_number(v)}' for name, v in values.items())})"


def precision_problems(question: Question) -> Iterator[Problem]:
    """Every precision problem of a numeric question."""
    if not isinstance(question, (Numeric, ParamNumeric)):
        return
    asked = {lang: stated(question.text[lang], lang) for lang in LANGUAGES}
    none = Phrase("quiz.precision.none")
    for lang in LANGUAGES:
        if asked[lang] != asked["en"]:
            yield Problem(question.file, question.line, "precision_differs", {
                "id": question.id, "language": lang,
                "precision": asked[lang].phrase() if asked[lang] else none,
                "english": asked["en"].phrase() if asked["en"] else none})
    precision = asked["en"]
    for values, value in answers(question):
        if precision is None and not ends(value, question.tolerance):
            yield Problem(question.file, question.line, "precision_missing",
                          {"id": question.id, "answer": where(value, values)})
            return
        bad = None if precision is None else rejected_rounding(value, precision, question.tolerance)
        if bad is not None:
            yield Problem(question.file, question.line, "precision_rejected",
                          {"id": question.id, "precision": precision.phrase(), "rounded": str(bad),
                           "answer": where(value, values)})
            return
