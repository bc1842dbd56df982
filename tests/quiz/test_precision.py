"""Numeric answers and the precision asked for: a correctly rounded answer is always right, and an
answer that does not end comes with a precision in every language (lint checks both)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest

from grader.i18n import LANGUAGES
from grader.quiz.grading import Outcome, grade
from grader.quiz.loader import check_files
from grader.quiz.model import Numeric, ParamNumeric, Tolerance
from grader.quiz.precision import DECIMALS, SIGNIFICANT, Precision, ends, rounded, stated
from grader.quiz.present import present

from .conftest import run_quiz

SEEDS = range(400)


# --- the bundled banks ------------------------------------------------------------------------

@pytest.mark.parametrize("qid, seed, typed", [
    ("sched-power", 4, "0.183"),                 # 0.18257…: 0.27 % off, rel_tol was 0.2 %
    ("sched-exponential", 17, "0.0122"),         # 0.012158…
    ("adam-bias-correction", 0, "0.145"),        # 0.14539…
    ("sched-cosine", 17, "0.0146"),              # 0.0146447…, no precision was asked for
    ("ada-step", 1, "1.646"),                    # 1.6464466…, abs_tol was 1e-4
    ("linreg-grad-b-value", 1, "-1.67"),         # −5/3, abs_tol was 0.001
    ("linreg-grad-b-value", 1, "−1,67"),
    ("linreg-grad-b-value", 1, "-5/3"),
])
def test_the_audits_correctly_rounded_answers_are_right(catalog, qid, seed, typed):
    p = present(catalog.question(qid), "en", seed)
    assert grade(p, typed) is Outcome.CORRECT, (p.key, typed)


def _asked(question) -> Precision | None:
    return stated(question.text.en, "en")


def _numeric(catalog):
    return [q for q in catalog.questions if isinstance(q, (Numeric, ParamNumeric))]


def test_every_correct_rounding_of_every_variant_is_graded_right(catalog):
    """Typed as a learner would (a decimal comma too), for SEEDS variants of each question."""
    checked = 0
    for question in _numeric(catalog):
        precision = _asked(question)
        if precision is None:
            continue
        for seed in SEEDS:
            p = present(question, "kk", seed)
            for typed in rounded(p.key, precision):
                for text in (str(typed), str(typed).replace(".", ",")):
                    assert grade(p, text) is Outcome.CORRECT, (question.id, seed, p.key, text)
                    checked += 1
    assert checked > 1000


def test_the_precision_is_asked_in_every_language_alike(catalog):
    asked = {q.id: _asked(q) for q in _numeric(catalog) if _asked(q)}
    assert {"sched-power", "sched-exponential", "sched-cosine", "adam-bias-correction", "ada-step",
            "linreg-grad-b-value", "min-quartic-global"} <= set(asked)
    for question in _numeric(catalog):
        for lang in LANGUAGES:
            assert stated(question.text[lang], lang) == asked.get(question.id), (question.id, lang)


def test_an_answer_that_does_not_end_comes_with_a_precision(catalog):
    for question in _numeric(catalog):
        if _asked(question) is None:
            for seed in SEEDS:
                p = present(question, "en", seed)
                assert ends(p.key, question.tolerance), (question.id, seed, p.key)


def test_three_significant_digits_need_rel_tol_0_005_across_the_banks(catalog):
    for question in _numeric(catalog):
        if _asked(question) == Precision(SIGNIFICANT, 3):
            assert question.tolerance.relative >= 0.005, question.id


# --- the rules themselves ---------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, precision", [
    ("Find ηₖ (to 3 significant digits).", "en", Precision(SIGNIFICANT, 3)),
    ("(to 2 decimal places)", "en", Precision(DECIMALS, 2)),
    ("(с точностью до 3 значащих цифр)", "ru", Precision(SIGNIFICANT, 3)),
    ("(с точностью до 2 знаков после запятой)", "ru", Precision(DECIMALS, 2)),
    ("(3 мәнді цифрға дейін)", "kk", Precision(SIGNIFICANT, 3)),
    ("(2 ондық таңбаға дейін)", "kk", Precision(DECIMALS, 2)),
    ("What is x₁?", "en", None),
])
def test_stated_precision(text, lang, precision):
    assert stated(text, lang) == precision


def test_rounding_both_ways_at_a_tie():
    assert rounded(0.18257418583505536, Precision(SIGNIFICANT, 3)) == {Decimal("0.183")}
    assert rounded(0.0145, Precision(SIGNIFICANT, 2)) == {
        Decimal("0.0145").quantize(Decimal("0.001"), rounding=mode)
        for mode in (ROUND_HALF_EVEN, ROUND_HALF_UP)}
    assert rounded(-5 / 3, Precision(DECIMALS, 2)) == {Decimal("-1.67")}
    assert rounded(0.0, Precision(SIGNIFICANT, 3)) == {Decimal(0)}


@pytest.mark.parametrize("value, tolerance, expected", [
    (0.0001953125, Tolerance(0, 0.001), True),      # a decimal typed in full
    (0.1 + 0.2, Tolerance(0, 1e-9), True),          # float noise
    (0.099999998, Tolerance(1e-6, 1e-9), True),     # lr·ε/|g| below the tolerance's resolution
    (-5 / 3, Tolerance(0.001, 1e-9), False),
    (2 ** 0.5, Tolerance(0.0001, 1e-9), False),
    (0.0146446609, Tolerance(1e-5, 0.002), False),
])
def test_ends(value, tolerance, expected):
    assert ends(value, tolerance) is expected


BANK = """\
topic: precision
title: {{kk: Дәлдік, ru: Точность, en: Precision}}
questions:
  - id: p1
    type: param_numeric
    topic: precision
    source: qa_gradient_descent_ru.txt Q13
    variables:
      x: {{choices: [3, 5.48]}}
    text:
      kk: "1/{{x}} неге тең{kk}?"
      ru: "Чему равно 1/{{x}}{ru}?"
      en: "What is 1/{{x}}{en}?"
    answer: 1 / x
{tolerance}
    explanation: {{kk: Бөлу, ru: Деление, en: Division}}
"""
ASK = {"kk": " (3 мәнді цифрға дейін)", "ru": " (с точностью до 3 значащих цифр)",
       "en": " (to 3 significant digits)"}


def lint(tmp_path, tolerance="    rel_tol: 0.005", **texts):
    path = tmp_path / "precision.yaml"
    path.write_text(BANK.format(tolerance=tolerance, **{**ASK, **texts}), encoding="utf-8")
    _, problems = check_files([path])
    return problems


def test_a_tolerance_that_rejects_a_correct_rounding_is_reported(tmp_path):
    assert lint(tmp_path) == []
    (problem,) = lint(tmp_path, tolerance="    rel_tol: 0.002")   # 1/5.48 = 0.182482…: 0.182 is 0.26 % off
    assert problem.code == "precision_rejected" and problem.line == 4
    assert "rejects 0.182, the correctly rounded answer 0.1824817518 (x = 5.48)" in problem.describe("en")
    assert "3 significant digits" in problem.describe("en")
    assert "3 значащих цифр" in problem.describe("ru") and "3 мәнді цифр" in problem.describe("kk")


def test_an_answer_that_does_not_end_without_a_precision_is_reported(tmp_path):
    (problem,) = lint(tmp_path, tolerance="    abs_tol: 0.001", kk="", ru="", en="")
    assert problem.code == "precision_missing"
    assert "(to 3 significant digits)" in problem.describe("en")


def test_a_precision_asked_in_one_language_only_is_reported(tmp_path):
    problems = lint(tmp_path, kk="", ru=" (с точностью до 2 знаков после запятой)")
    assert sorted(p.code for p in problems) == ["precision_differs", "precision_differs"]
    said = " ".join(p.describe("en") for p in problems)
    assert "the kk text" in said and "no precision" in said and "2 decimal places" in said


def test_lint_command_reports_it_in_the_chosen_language(tmp_path):
    lint(tmp_path, tolerance="    rel_tol: 0.002")
    result = run_quiz("lint", str(tmp_path / "precision.yaml"), "--lang", "ru")
    assert result.exit_code == 1
    assert "просит точность до 3 значащих цифр, но его допуск отвергает" in result.output
