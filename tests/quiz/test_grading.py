"""Each question type grades right and wrong answers correctly."""

from __future__ import annotations

import pytest

from grader.quiz.expr import compile_expression
from grader.quiz.grading import Outcome, answer_text, grade
from grader.quiz.model import (
    Flashcard, Localized, Matching, MultipleChoice, Numeric, Option, Ordering, Pair, ParamNumeric,
    ShortText, SingleChoice, Tolerance, TrueFalse, Variable,
)
from grader.quiz.present import present

from .conftest import typed_answer

CORRECT, WRONG, INVALID = Outcome.CORRECT, Outcome.WRONG, Outcome.INVALID


def same(text: str) -> Localized[str]:
    return Localized(kk=text, ru=text, en=text)


COMMON = {"topic": "t", "source": "s", "text": same("Question?"), "explanation": same("Because.")}


def options(*texts: str) -> tuple[Option, ...]:
    return tuple(Option(chr(ord("a") + i), same(text)) for i, text in enumerate(texts))


def numeric(answer: float, absolute: float = 0.0, relative: float = 1e-9) -> Numeric:
    return Numeric(id="num", answer=answer, tolerance=Tolerance(absolute, relative), **COMMON)


def number_of(presented, text: str) -> str:
    return str(presented.choices.index(text) + 1)


def test_single_choice():
    p = present(SingleChoice(id="s", options=options("A", "B", "C"), answer="b", **COMMON), "en", 1)
    assert grade(p, number_of(p, "B")) is CORRECT
    assert grade(p, number_of(p, "A")) is WRONG
    assert grade(p, "4") is INVALID
    assert grade(p, "B") is INVALID
    assert answer_text(p) == f"{number_of(p, 'B')}) B"


def test_multiple_choice_needs_exactly_the_right_set():
    q = MultipleChoice(id="m", options=options("A", "B", "C", "D"), answer=frozenset({"a", "c"}), **COMMON)
    p = present(q, "en", 5)
    a, c, d = (number_of(p, x) for x in "ACD")
    assert grade(p, f"{a} {c}") is CORRECT
    assert grade(p, f"{c},{a}") is CORRECT
    assert grade(p, a) is WRONG
    assert grade(p, f"{a} {c} {d}") is WRONG
    assert grade(p, "") is INVALID


def test_true_false_in_three_languages():
    p = present(TrueFalse(id="tf", answer=False, **COMMON), "kk", 0)
    for word in ("false", "нет", "жоқ", "бұрыс", "0"):
        assert grade(p, word) is CORRECT
    for word in ("true", "да", "иә", "дұрыс"):
        assert grade(p, word) is WRONG
    assert grade(p, "perhaps") is INVALID
    assert answer_text(p) == "бұрыс"


@pytest.mark.parametrize("typed, outcome", [
    ("0.5", CORRECT), ("0,5", CORRECT), ("1/2", CORRECT), ("5e-1", CORRECT),
    ("0.51", CORRECT), ("0,49", CORRECT),                 # the edges of ±0.01 are inside
    ("0.5100001", WRONG), ("0.4899999", WRONG), ("-0.5", WRONG), ("half", INVALID),
])
def test_numeric_absolute_tolerance_edges(typed, outcome):
    assert grade(present(numeric(0.5, absolute=0.01), "ru", 0), typed) is outcome


@pytest.mark.parametrize("typed, outcome", [
    ("1000", CORRECT), ("1010", CORRECT), ("990", CORRECT), ("1010.01", WRONG), ("989.9", WRONG),
])
def test_numeric_relative_tolerance_edges(typed, outcome):
    assert grade(present(numeric(1000, relative=0.01), "en", 0), typed) is outcome


def test_numeric_default_tolerance_is_exact_up_to_round_off():
    p = present(numeric(0.001), "en", 0)
    assert grade(p, "1e-3") is CORRECT
    assert grade(p, "0,001") is CORRECT
    assert grade(p, "0.0011") is WRONG
    assert grade(present(numeric(-3), "en", 0), "-3") is CORRECT


def test_numeric_with_a_float_answer_that_is_not_exact_in_binary():
    p = present(numeric(0.1 + 0.2, absolute=0.0), "en", 0)
    assert grade(p, "0.3") is CORRECT


def test_param_numeric_uses_the_drawn_values():
    q = ParamNumeric(id="p", variables=(Variable("x0", (1, 2, 3)), Variable("lr", (0.1, 0.5))),
                     answer=compile_expression("x0 - lr * (2 * x0 + 4)"),
                     tolerance=Tolerance(0.001, 0), **{**COMMON, "text": same("x0={x0} lr={lr}")})
    p = present(q, "en", 11)
    expected = p.values["x0"] - p.values["lr"] * (2 * p.values["x0"] + 4)
    assert grade(p, str(expected)) is CORRECT
    assert grade(p, str(expected).replace(".", ",")) is CORRECT
    assert grade(p, str(expected + 0.0011)) is WRONG
    assert p.prompt == f"x0={p.values['x0']} lr={p.values['lr']}"


def test_short_text_normalises_case_spaces_yo_and_kazakh_letters():
    answers = Localized(kk=("жергілікті",), ru=("зелёный лес",), en=("local minimum",))
    p = present(ShortText(id="st", answer=answers, **COMMON), "ru", 0)
    for typed in ("Зелёный лес", "зеленый   лес", "ЗЕЛЕНЫЙ ЛЕС.", "жергілікті", "ЖЕРГИЛИКТИ",
                  "Local-Minimum"):
        assert grade(p, typed) is CORRECT, typed
    assert grade(p, "глобальный") is WRONG
    assert grade(p, "  ") is INVALID
    assert answer_text(p) == "зелёный лес"


def test_matching_wants_the_right_number_for_every_row():
    pairs = tuple(Pair(same(left), same(right)) for left, right in [("a", "1"), ("b", "2"), ("c", "3")])
    p = present(Matching(id="mt", pairs=pairs, **COMMON), "en", 2)
    right = " ".join(number_of(p, r) for r in ("1", "2", "3"))
    assert grade(p, right) is CORRECT
    assert grade(p, right.replace(" ", "")) is CORRECT
    swapped = " ".join(number_of(p, r) for r in ("2", "1", "3"))
    assert grade(p, swapped) is WRONG
    assert grade(p, "1 1 2") is INVALID
    assert p.rows == ("a", "b", "c")


def test_ordering_wants_the_items_in_order():
    q = Ordering(id="o", items=(same("first"), same("second"), same("third"), same("fourth")), **COMMON)
    p = present(q, "en", 4)
    right = [number_of(p, item) for item in ("first", "second", "third", "fourth")]
    assert grade(p, " ".join(right)) is CORRECT
    assert grade(p, " ".join(reversed(right))) is WRONG
    assert grade(p, "1 2 3") is INVALID
    assert p.choices != ("first", "second", "third", "fourth")


def test_flashcard_is_self_assessed():
    p = present(Flashcard(id="f", answer=same("The model answer."), **COMMON), "en", 0)
    assert grade(p, "yes") is CORRECT
    assert grade(p, "нет") is WRONG
    assert grade(p, "I think so") is INVALID
    assert answer_text(p) == "The model answer."


def test_every_bank_question_accepts_its_own_answer_and_rejects_another(catalog):
    for question in (q for q in catalog.questions if q.auto_graded):
        for lang in ("kk", "ru", "en"):
            p = present(question, lang, 3)
            assert grade(p, typed_answer(p)) is CORRECT, question.id
            assert grade(p, typed_answer(p, right=False)) is WRONG, question.id


def test_short_text_bank_answers_in_every_language_are_accepted(catalog):
    for question in (q for q in catalog.questions if q.kind == "short_text"):
        p = present(question, "kk", 0)
        for lang in ("kk", "ru", "en"):
            for text in question.answer[lang]:
                assert grade(p, text.upper()) is CORRECT, (question.id, text)
