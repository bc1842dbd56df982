"""Reading what a learner typed."""

from __future__ import annotations

from fractions import Fraction

import pytest

from grader.quiz.answers import (
    format_number, normalize_text, parse_choice, parse_choices, parse_number, parse_sequence,
    parse_yes_no,
)


@pytest.mark.parametrize("text, expected", [
    ("0.5", Fraction(1, 2)), ("0,5", Fraction(1, 2)), ("-3", Fraction(-3)), ("1e-3", Fraction(1, 1000)),
    ("1/2", Fraction(1, 2)), (" −2,25 ", Fraction(-9, 4)), (".5", Fraction(1, 2)), ("3.", Fraction(3)),
    ("1E+2", Fraction(100)), ("-1/4", Fraction(-1, 4)), ("0,5/2", Fraction(1, 4)),
])
def test_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,000.5", "1,2,3", "1/0", "1/2/3", "nan", "inf", "0x10", "5%"])
def test_not_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("value, text", [(3.0, "3"), (0.1 + 0.2, "0.3"), (1e-8, "1e-8"), (-2.5, "-2.5"),
                                         (0.001, "0.001"), (-0.0, "0")])
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("a, b", [
    ("Ёлка", "елка"), ("  Оқу   жылдамдығы! ", "оку жылдамдыгы"), ("Мини-батч", "мини батч"),
    ("«Антиградиент»", "антиградиент"), ("anti-gradient", "anti gradient"),
])
def test_normalize_text(a, b):
    assert normalize_text(a) == normalize_text(b)


def test_normalize_keeps_different_words_apart():
    assert normalize_text("локальный") != normalize_text("глобальный")


@pytest.mark.parametrize("word, value", [
    ("yes", True), ("True", True), ("да", True), ("Верно", True), ("иә", True), ("Дұрыс", True),
    ("дурыс", True), ("1", True), ("no", False), ("нет", False), ("жоқ", False), ("бұрыс", False),
    ("Қате", False), ("неверно", False), ("0", False),
])
def test_yes_no_in_every_language(word, value):
    assert parse_yes_no(word) is value


@pytest.mark.parametrize("word", ["", "maybe", "2", "может быть"])
def test_not_yes_no(word):
    assert parse_yes_no(word) is None


def test_option_numbers():
    assert parse_choice("2", 4) == 2
    assert parse_choice(" 3) ", 4) == 3
    assert parse_choice("5", 4) is None
    assert parse_choice("1 2", 4) is None
    assert parse_choices("1, 3", 4) == {1, 3}
    assert parse_choices("13", 4) == {1, 3}
    assert parse_choices("1 1", 4) is None
    assert parse_choices("a", 4) is None


def test_sequences_are_permutations():
    assert parse_sequence("3 1 2", 3) == (3, 1, 2)
    assert parse_sequence("312", 3) == (3, 1, 2)
    assert parse_sequence("3,1,2", 3) == (3, 1, 2)
    assert parse_sequence("3 1 1", 3) is None
    assert parse_sequence("3 1", 3) is None
    assert parse_sequence("4 1 2", 3) is None


@pytest.mark.parametrize("text", [
    "1e401", "1E+401", "1e-401", "9e400", "2e308", "1e400/1e-400",
    "1e" + "9" * 5000, "1" * 101, "0." + "0" * 100 + "1", "1/" + "3" * 101,
], ids=lambda text: text[:20])
def test_absurdly_long_or_large_numbers_are_unreadable(text):
    # 5000 digits trip Python's int limit (a ValueError); 1e100000000, which took forever, is
    # tested apart in test_sheets.py.
    assert parse_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("1e400/1e400", Fraction(1)), ("1e-400", Fraction(1, 10 ** 400)), ("1e308", Fraction(10 ** 308)),
    ("1e0000000003", Fraction(1000)), ("1" * 100, Fraction(int("1" * 100))),
], ids=lambda value: str(value)[:20])
def test_long_but_sensible_numbers_are_read(text, expected):
    assert parse_number(text) == expected
