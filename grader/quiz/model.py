"""The checked question model: frozen dataclasses, one per question type.

Built from YAML by `schema.py` only; everything else reads these records and never the YAML.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from grader.i18n import LANGUAGES
from grader.quiz.expr import Expression

T = TypeVar("T")
# {name} in a text: where a parametrised question shows a drawn value.
PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")


@dataclass(frozen=True)
class Localized(Generic[T]):
    """One value per language (a text, or a tuple of accepted answers)."""

    kk: T
    ru: T
    en: T

    def __getitem__(self, lang: str) -> T:
        if lang not in LANGUAGES:
            raise KeyError(lang)
        return getattr(self, lang)

    def values(self) -> tuple[T, ...]:
        """The values in the order of LANGUAGES."""
        return tuple(self[lang] for lang in LANGUAGES)


@dataclass(frozen=True)
class Tolerance:
    """|given - expected| <= max(absolute, relative * |expected|), edges included."""

    absolute: float = 0.0
    relative: float = 1e-9

    def allows(self, given: Fraction, expected: float) -> bool:
        """Exact decimal comparison, so that a tolerance edge is inside whatever the float."""
        target = Fraction(repr(expected))
        bound = max(Fraction(repr(self.absolute)), Fraction(repr(self.relative)) * abs(target))
        return abs(given - target) <= bound

    def absolute_at(self, expected: float) -> float:
        """The same tolerance as one absolute width at `expected` (for Moodle and GIFT)."""
        return max(self.absolute, self.relative * abs(expected))


@dataclass(frozen=True)
class Option:
    """A choice of a single or multiple choice question; `key` is what the bank's answer names."""

    key: str
    text: Localized[str]


@dataclass(frozen=True)
class Variable:
    """A variable of a parametrised question and the values it may take."""

    name: str
    choices: tuple[float, ...]


def draw_values(variables: tuple[Variable, ...], rng: random.Random) -> dict[str, float]:
    """One value per variable, drawn in declaration order."""
    return {variable.name: rng.choice(variable.choices) for variable in variables}


@dataclass(frozen=True)
class Pair:
    """A row of a matching question: `left` goes with `right`."""

    left: Localized[str]
    right: Localized[str]


@dataclass(frozen=True, kw_only=True)
class Question:
    """What every question has; `kind` is its `type:` in YAML."""

    kind: ClassVar[str]
    auto_graded: ClassVar[bool] = True

    id: str
    topic: str
    source: str
    text: Localized[str]
    explanation: Localized[str]
    file: str = ""
    line: int = 0


@dataclass(frozen=True, kw_only=True)
class SingleChoice(Question):
    """Exactly one option is right."""

    kind: ClassVar[str] = "single"
    options: tuple[Option, ...]
    answer: str


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Question):
    """Every right option must be chosen and no other."""

    kind: ClassVar[str] = "multiple"
    options: tuple[Option, ...]
    answer: frozenset[str]


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Question):
    """A statement that is true or false."""

    kind: ClassVar[str] = "true_false"
    answer: bool


@dataclass(frozen=True, kw_only=True)
class Numeric(Question):
    """A number within a tolerance."""

    kind: ClassVar[str] = "numeric"
    answer: float
    tolerance: Tolerance


@dataclass(frozen=True, kw_only=True)
class ParamNumeric(Question):
    """A number whose inputs are drawn per attempt; the answer is `answer` evaluated on them."""

    kind: ClassVar[str] = "param_numeric"
    variables: tuple[Variable, ...]
    answer: Expression
    tolerance: Tolerance


@dataclass(frozen=True, kw_only=True)
class ShortText(Question):
    """A word or a few, compared after normalisation with the variants listed per language."""

    kind: ClassVar[str] = "short_text"
    answer: Localized[tuple[str, ...]]


@dataclass(frozen=True, kw_only=True)
class Matching(Question):
    """Each left item goes with one right item; the right column is shuffled."""

    kind: ClassVar[str] = "matching"
    pairs: tuple[Pair, ...]


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    """Items listed in the right order; they are shown shuffled."""

    kind: ClassVar[str] = "ordering"
    items: tuple[Localized[str], ...]


@dataclass(frozen=True, kw_only=True)
class Flashcard(Question):
    """An open question with a model answer; the learner says whether they knew it."""

    kind: ClassVar[str] = "flashcard"
    auto_graded: ClassVar[bool] = False
    answer: Localized[str]


QUESTION_TYPES: dict[str, type[Question]] = {
    cls.kind: cls
    for cls in (SingleChoice, MultipleChoice, TrueFalse, Numeric, ParamNumeric,
                ShortText, Matching, Ordering, Flashcard)
}


@dataclass(frozen=True)
class Bank:
    """One topic's questions, from one file."""

    topic: str
    title: Localized[str]
    path: Path
    file: str
    questions: tuple[Question, ...]
