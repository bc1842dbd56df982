"""The numbers a numeric question's prompt gives as examples of how to type a number are
none of the bank's answers: "(a number, e.g. 0.5, …)" under "η = 0.1 and the gradient is 5:
by how much does the weight change?" gave the answer away, as "1e-3" did for Adam's default
learning rate."""

from __future__ import annotations

import re

import pytest

from grader.i18n import translate
from grader.quiz.answers import parse_number
from grader.quiz.loader import load_catalog

NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?(?:e-?\d+)?(?:/\d+)?")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_no_example_in_a_numeric_prompt_is_an_answer(lang: str):
    answers = {float(question.answer) for bank in load_catalog().banks for question in bank.questions
               if question.kind == "numeric"}
    for hint in ("quiz.hint.numeric", "quiz.hint.param_numeric"):
        examples = [parse_number(text) for text in NUMBER.findall(translate(hint, lang))]
        assert len(examples) >= 4 and None not in examples, (hint, examples)  # each one is read as a number
        assert {float(example) for example in examples} & answers == set(), (lang, hint)


def test_english_counts_need_no_plural_in_brackets():
    """"3 missed question(s)", "1 card(s) due": Kazakh and Russian put the count after a
    colon, which reads right for any number; so does English now."""
    for message_id in ("quiz.take.review_added", "quiz.review.header"):
        assert "(s)" not in translate(message_id, "en", count=1, total=1)
