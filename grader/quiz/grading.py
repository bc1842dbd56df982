"""Grading one answer to a presented question, and saying what the right answer was."""

from __future__ import annotations

import enum
from typing import Callable

from grader.i18n import translate
from grader.quiz.answers import (
    format_number, normalize_text, parse_choice, parse_choices, parse_number, parse_sequence,
    parse_yes_no,
)
from grader.quiz.model import Flashcard, Numeric, ParamNumeric, ShortText
from grader.quiz.present import ROW_LABELS, Presented


class Outcome(enum.Enum):
    """What an answer was worth; INVALID means it could not be read (ask again, or count wrong)."""

    CORRECT = "correct"
    WRONG = "wrong"
    INVALID = "invalid"


def hint_id(presented: Presented) -> str:
    """The message that tells how to type an answer to this kind of question."""
    return f"quiz.hint.{presented.question.kind}"


# How a response is read, per kind: (text, number of choices) -> value comparable with the key.
READERS: dict[str, Callable[[str, int], object | None]] = {
    "single": parse_choice,
    "multiple": parse_choices,
    "true_false": lambda text, _: parse_yes_no(text),
    "flashcard": lambda text, _: parse_yes_no(text),
    "numeric": lambda text, _: parse_number(text),
    "param_numeric": lambda text, _: parse_number(text),
    "short_text": lambda text, _: normalize_text(text) or None,
    "matching": parse_sequence,
    "ordering": parse_sequence,
}


def _matches(presented: Presented, given: object) -> bool:
    question = presented.question
    if isinstance(question, (Numeric, ParamNumeric)):
        return question.tolerance.allows(given, presented.key)
    if isinstance(question, ShortText):
        return given in presented.key
    if isinstance(question, Flashcard):
        return given is True
    return given == presented.key


def grade(presented: Presented, response: str) -> Outcome:
    """CORRECT or WRONG; INVALID when the response is not of the expected form (see hint_id).

    A flashcard is graded by the learner: yes (I knew it) is CORRECT, no is WRONG.
    """
    given = READERS[presented.question.kind](response, len(presented.choices))
    if given is None:
        return Outcome.INVALID
    return Outcome.CORRECT if _matches(presented, given) else Outcome.WRONG


def _choice(presented: Presented, number: int) -> str:
    return f"{number}) {presented.choices[number - 1]}"


ANSWER_TEXT: dict[str, Callable[[Presented], str]] = {
    "single": lambda p: _choice(p, p.key),
    "multiple": lambda p: "; ".join(_choice(p, number) for number in sorted(p.key)),
    "true_false": lambda p: translate(f"quiz.words.{str(p.key).lower()}", p.lang),
    "numeric": lambda p: format_number(p.key),
    "param_numeric": lambda p: format_number(p.key),
    "short_text": lambda p: p.question.answer[p.lang][0],
    "matching": lambda p: ", ".join(f"{ROW_LABELS[row]} → {n}" for row, n in enumerate(p.key)),
    "ordering": lambda p: " ".join(str(number) for number in p.key),
    "flashcard": lambda p: p.key,
}


def answer_text(presented: Presented) -> str:
    """The right answer as the learner would type or read it, in the question's language."""
    return ANSWER_TEXT[presented.question.kind](presented)
