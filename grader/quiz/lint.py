"""Checks across the banks and on the language of their texts (the per-file schema is in schema.py).

- question ids are unique over all banks, and topics over all files;
- the Kazakh text and explanation of a question, where they have Cyrillic words, use Kazakh
  letters (a Russian copy left in the kk slot has none); the Russian ones have none of them.
  Short texts such as options are left alone: «Дербес туындылар векторы» is Kazakh without
  any of them;
- a numeric question that asks for a precision ("to 3 significant digits") asks for the same in
  every language, and its tolerance accepts every correctly rounded answer; one whose answer does
  not end (1/3, √2) asks for a precision (precision.py).
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from grader.quiz.errors import Problem
from grader.quiz.model import Bank, Question
from grader.quiz.precision import precision_problems

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def is_kazakh_or_formula(text: str) -> bool:
    """A Kazakh text: Kazakh letters, or no Cyrillic at all (a formula, a name like SGD)."""
    return bool(KAZAKH_LETTERS & set(text)) or not CYRILLIC.search(text)


def check_banks(banks: Sequence[Bank], precision: bool = True) -> list[Problem]:
    """Every problem that needs more than one question of one file to see (and, with
    `precision`, tolerances that refuse a correctly rounded answer: precision.py)."""
    return [*_duplicate_topics(banks), *_duplicate_ids(banks), *_language_problems(banks),
            *(_precision(banks) if precision else ())]


def _duplicate_topics(banks: Sequence[Bank]) -> Iterator[Problem]:
    first: dict[str, Bank] = {}
    for bank in banks:
        if bank.topic in first:
            yield Problem(bank.file, 1, "duplicate_topic",
                          {"topic": bank.topic, "first": first[bank.topic].file})
        first.setdefault(bank.topic, bank)


def _duplicate_ids(banks: Sequence[Bank]) -> Iterator[Problem]:
    """Ids shared by two files (schema.py reports those repeated within one file)."""
    first: dict[str, Question] = {}
    for question in (q for bank in banks for q in bank.questions):
        if question.id in first and first[question.id].file != question.file:
            where = first[question.id]
            yield Problem(question.file, question.line, "duplicate_id",
                          {"id": question.id, "first": f"{where.file}:{where.line}"})
        first.setdefault(question.id, question)


def _language_problems(banks: Sequence[Bank]) -> Iterator[Problem]:
    for bank in banks:
        for question in bank.questions:
            for field, text in (("text", question.text), ("explanation", question.explanation)):
                if not is_kazakh_or_formula(text.kk):
                    yield Problem(question.file, question.line, "kk_without_kazakh_letters",
                                  {"id": question.id, "field": field})
                if KAZAKH_LETTERS & set(text.ru):
                    yield Problem(question.file, question.line, "ru_with_kazakh_letters",
                                  {"id": question.id, "field": field})


def _precision(banks: Sequence[Bank]) -> Iterator[Problem]:
    for question in (q for bank in banks for q in bank.questions):
        yield from precision_problems(question)
