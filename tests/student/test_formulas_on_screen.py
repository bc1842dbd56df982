"""`grade show` on an 80- and a 60-column terminal: a formula is never cut in the middle
("… the formula v_new =" on one line, "v_old − η∇f(v) …" on the next)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from grader import curriculum
from grader.cli import cli
from grader.commands.learning import reflowed
from grader.reports.formulas import OPERATORS, formulas_kept_whole
from grader.reports.terminal import wrap

WIDTHS = (79, 59)  # the text width of an 80- and a 60-column terminal (its last column left free)
LANGS = ("kk", "ru", "en")


def _cut_formulas(text: str, width: int) -> list[str]:
    """The lines of `text` refilled to `width` that end with an operator, or that are prose
    and start with one: the places a formula was cut."""
    lines = reflowed(text, width).splitlines()
    ends = [line for line in lines if line.split() and line.split()[-1] in OPERATORS]
    starts = [line for line in lines if line[:1] not in ("", " ") and line.split()[0] in OPERATORS]
    return ends + starts


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_statement_cuts_a_formula(lang: str, width: int):
    for exercise in curriculum.all_exercises():
        text = exercise.statement[lang]
        assert _cut_formulas(text, width) == [], (exercise.number, lang, width)
        assert all(len(line) <= width for line in reflowed(text, width).splitlines()), (exercise.number, lang)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_lectures_formulas_stay_on_one_line(width: int):
    """Formulas in the prose of a statement that were cut at 80 columns before."""
    whole = {3: ["v_new = v_old − η∇f(v)"], 5: ["L = (1/n) Σ (y_i − (w x_i + b))²", "w = w − η ∂L/∂w"],
             12: ["w_j^(k) = w_j^(k−1) − η / √(G_{k,j} + ε)·(∇Q(w^(k−1)))_j."]}
    for number, formulas in whole.items():
        for lang in LANGS:
            lines = reflowed(curriculum.exercise(number).statement[lang], width).splitlines()
            for formula in formulas:
                formula = formula.replace("w_j", "ω_j") if lang == "ru" and number == 12 else formula
                assert any(formula in line for line in lines), (number, lang, formula, lines)


def test_a_long_signature_is_cut_before_its_arrow_not_inside_its_arguments():
    lines = reflowed(curriculum.exercise(13).statement["kk"], 79).splitlines()
    assert "  rmsprop_update(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8)" in lines
    assert "      -> (w_new, G_new)" in lines


def test_a_formula_too_long_for_a_line_is_cut_before_a_relation():
    assert wrap("update: w ← w − η · ∇f(w) and then stop", 20) == ["update:", "w ← w − η · ∇f(w)", "and then stop"]
    long_one = "v_new = v_old − η·∇f(v_old) = gradient_step(v_old, ∇f(v_old), −η)"
    assert wrap(long_one, 44, subsequent_indent="    ") == ["v_new = v_old − η·∇f(v_old)",
                                                         "    = gradient_step(v_old, ∇f(v_old), −η)"]


def test_prose_around_a_formula_still_wraps_at_its_words():
    kept = formulas_kept_whole("шығын функциясы L = (1/n) Σ r_i² және параметрлерді — жаңарту", 79)
    assert kept.count(" ") == 6  # "шығын", "функциясы", "L = … r_i²", "және", "параметрлерді", "—", "жаңарту"


def test_show_on_a_narrow_terminal_keeps_the_update_rule_whole(monkeypatch):
    from grader.commands import learning

    monkeypatch.setattr(learning, "terminal_width", lambda: 59)
    for lang in LANGS:
        shown = CliRunner().invoke(cli, ["show", "3", "--lang", lang]).output
        assert any(line.strip().startswith("v_new = v_old − η·∇f(v_old)") for line in shown.splitlines()), shown
        assert all(len(line) <= 59 for line in shown.splitlines()), shown


def test_a_hyphenated_word_is_prose_not_a_formula():
    """"(the second moment, for | a per-parameter step" in a quiz's explanation: "a
    per-parameter" was held together as if it were a formula."""
    text = "the second moment, for a per-parameter step, like RMSprop"
    assert formulas_kept_whole(text, 79) == text  # no space made a no-break one


@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_of_a_statement_starts_with_a_dash(width: int):
    """ex12 in Kazakh at 60 columns: "… w, grad және G" | "— пішіні (d,) болатын …"."""
    for exercise in curriculum.all_exercises():
        for lang in LANGS:
            lines = reflowed(exercise.statement[lang], width).splitlines()
            assert [line for line in lines if line.lstrip().startswith(("— ", "– "))] == [], (exercise.number, lang)


def test_a_count_after_a_dash_stays_with_it():
    """The Russian quiz header at 80 columns: "… спуск»: вопросов —" | "5. Вариант 7 …"."""
    lines = wrap("Квиз «Пакетный, стохастический и мини-пакетный градиентный спуск»: вопросов — 5. "
                 "Вариант 7 (повторить: --seed 7).", 79)
    assert any("вопросов — 5." in line for line in lines), lines
