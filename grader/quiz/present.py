"""One attempt at a question: its text in one language, drawn values, shuffled options.

Everything random comes from `random.Random(f"{seed}:{question.id}")`, so the same seed shows
the same variant in a terminal session, a rendered paper and the grading of its answer sheet.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from grader.quiz.answers import format_number, normalize_text
from grader.quiz.expr import evaluate
from grader.quiz.model import (
    PLACEHOLDER, Flashcard, Matching, MultipleChoice, Numeric, Ordering, ParamNumeric, Question,
    ShortText, SingleChoice, TrueFalse, draw_values,
)

ROW_LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OPERATORS = set("+-−·*/^")


@dataclass(frozen=True)
class Presented:
    """A question as shown. `choices` are numbered from 1 (options, ordering items, the right
    column of a matching); `rows` are a matching's left column, labelled A, B, C.

    `key` is the right answer in those numbers: single int, multiple frozenset of ints,
    true_false bool, numeric and param_numeric float, short_text frozenset of normalised texts,
    matching the choice number per row, ordering the choice numbers in the right order,
    flashcard the model answer.
    """

    question: Question
    lang: str
    seed: int
    prompt: str
    explanation: str
    key: object
    choices: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    values: Mapping[str, float] = field(default_factory=dict)


def question_rng(question: Question, seed: int) -> random.Random:
    """The generator of one question's variant."""
    return random.Random(f"{seed}:{question.id}")


def pick_questions(questions: Sequence[Question], count: int | None, seed: int) -> list[Question]:
    """`count` questions (all when None) in an order drawn from `seed`."""
    chosen = list(questions)
    random.Random(f"{seed}:pick").shuffle(chosen)
    return chosen if count is None else chosen[:count]


def _shuffled(count: int, rng: random.Random) -> list[int]:
    """A permutation of range(count) that differs from the identity when count > 1."""
    order = list(range(count))
    while count > 1 and order == sorted(order):
        rng.shuffle(order)
    return order


def fill(text: str, values: Mapping[str, object]) -> str:
    """Replace {name} by its value; other braces stay as they are. A negative value right after
    an operator is bracketed: 2·(-5), not 2·-5."""
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        item = values[name]
        shown = format_number(item) if isinstance(item, (int, float)) else str(item)
        after_operator = text[:match.start()].rstrip()[-1:] in OPERATORS
        return f"({shown})" if shown.startswith("-") and after_operator else shown
    return PLACEHOLDER.sub(value, text)


def present(question: Question, lang: str, seed: int) -> Presented:
    """The variant of `question` for `seed`, in `lang`."""
    rng = question_rng(question, seed)
    base = {"question": question, "lang": lang, "seed": seed,
            "prompt": question.text[lang], "explanation": question.explanation[lang]}
    return PRESENTERS[type(question)](question, lang, rng, base)


def _options(question: SingleChoice | MultipleChoice, lang: str, rng: random.Random
             ) -> tuple[list[str], tuple[str, ...]]:
    """The option keys in shown order, and their texts."""
    options = [question.options[i] for i in _shuffled(len(question.options), rng)]
    return [option.key for option in options], tuple(option.text[lang] for option in options)


def _single(question: SingleChoice, lang: str, rng: random.Random, base: dict) -> Presented:
    keys, choices = _options(question, lang, rng)
    return Presented(**base, choices=choices, key=keys.index(question.answer) + 1)


def _multiple(question: MultipleChoice, lang: str, rng: random.Random, base: dict) -> Presented:
    keys, choices = _options(question, lang, rng)
    key = frozenset(number for number, k in enumerate(keys, 1) if k in question.answer)
    return Presented(**base, choices=choices, key=key)


def _true_false(question: TrueFalse, lang: str, rng: random.Random, base: dict) -> Presented:
    return Presented(**base, key=question.answer)


def _numeric(question: Numeric, lang: str, rng: random.Random, base: dict) -> Presented:
    return Presented(**base, key=float(question.answer))


def _param_numeric(question: ParamNumeric, lang: str, rng: random.Random, base: dict) -> Presented:
    values = draw_values(question.variables, rng)
    answer = evaluate(question.answer, values)
    base = {**base, "prompt": fill(base["prompt"], values),
            "explanation": fill(base["explanation"], {**values, "answer": answer})}
    return Presented(**base, key=answer, values=values)


def _short_text(question: ShortText, lang: str, rng: random.Random, base: dict) -> Presented:
    accepted = frozenset(normalize_text(text) for texts in question.answer.values() for text in texts)
    return Presented(**base, key=accepted)


def _matching(question: Matching, lang: str, rng: random.Random, base: dict) -> Presented:
    order = _shuffled(len(question.pairs), rng)
    choices = tuple(question.pairs[i].right[lang] for i in order)
    rows = tuple(pair.left[lang] for pair in question.pairs)
    key = tuple(order.index(row) + 1 for row in range(len(rows)))
    return Presented(**base, choices=choices, rows=rows, key=key)


def _ordering(question: Ordering, lang: str, rng: random.Random, base: dict) -> Presented:
    order = _shuffled(len(question.items), rng)
    choices = tuple(question.items[i][lang] for i in order)
    key = tuple(order.index(position) + 1 for position in range(len(order)))
    return Presented(**base, choices=choices, key=key)


def _flashcard(question: Flashcard, lang: str, rng: random.Random, base: dict) -> Presented:
    return Presented(**base, key=question.answer[lang])


PRESENTERS: dict[type, Callable[..., Presented]] = {
    SingleChoice: _single, MultipleChoice: _multiple, TrueFalse: _true_false,
    Numeric: _numeric, ParamNumeric: _param_numeric, ShortText: _short_text,
    Matching: _matching, Ordering: _ordering, Flashcard: _flashcard,
}
