"""The bundled banks give no answer away by its form.

A review found the keyed option of 22 of the 26 single-choice questions to be the longest one
(a learner who always picks the longest passed), and the true/false questions keyed true 9 times
out of 13. The banks are read through the project's loader (the `catalog` fixture is
grader.quiz.loader.load_catalog()), as a learner's `grade quiz take` reads them.

The length rule is checked on prose options only: formula options ("θ_new = θ_old − η·∇L(θ_old)",
"−(2/n)·Σ xᵢ·rᵢ", "0.01") differ in length by their symbols, not by how carefully they are
worded, so a question is left out if any of its English options is a formula (see `is_formula`).
"""

from __future__ import annotations

import re

from grader.quiz.model import SingleChoice, TrueFalse

FORMULA_SIGNS = set("=←√Σ")
MAX_KEY_LONGEST = 0.4     # of the prose single-choice questions
MAX_ONE_TRUTH_VALUE = 0.6  # of the true/false questions


def is_formula(text: str) -> bool:
    """An option is a formula if it has an equation, assignment, root or sum sign, or no word of
    three Latin letters at all (a bare number such as "−0.01")."""
    return bool(FORMULA_SIGNS & set(text)) or not re.search(r"[A-Za-z]{3}", text)


def prose_single_choice(catalog) -> list[SingleChoice]:
    return [q for q in catalog.questions if isinstance(q, SingleChoice)
            and not any(is_formula(option.text.en) for option in q.options)]


def key_is_longest(question: SingleChoice) -> bool:
    """The key is at least as long as every other option (a tie counts: it gives nothing away
    only if the learner cannot single the key out by its length)."""
    lengths = {option.key: len(option.text.en) for option in question.options}
    return lengths[question.answer] >= max(lengths.values())


def test_the_formula_rule():
    assert is_formula("θ_new = θ_old − η·∇L(θ_old)")
    assert is_formula("w ← w − lr·m̂ / (√v̂ + ε)")
    assert is_formula("−(2/n)·Σ xᵢ·rᵢ")
    assert is_formula("−0.01")
    assert not is_formula("At the look-ahead point w − α·h")
    assert not is_formula("Gₖ,ⱼ only grow, so the steps keep shrinking and may stop short of the minimum")


def test_the_key_is_not_mostly_the_longest_prose_option(catalog):
    questions = prose_single_choice(catalog)
    assert len(questions) >= 10, [q.id for q in questions]  # the rule must not exempt everything
    longest = [q.id for q in questions if key_is_longest(q)]
    assert len(longest) <= MAX_KEY_LONGEST * len(questions), (
        f"the key is the longest option in {len(longest)} of {len(questions)} prose questions: "
        f"{longest}")


def test_true_false_keys_are_balanced(catalog):
    keys = [q.answer for q in catalog.questions if isinstance(q, TrueFalse)]
    assert len(keys) >= 6
    true = sum(1 for key in keys if key is True)
    assert 0 < true < len(keys)
    assert max(true, len(keys) - true) <= MAX_ONE_TRUTH_VALUE * len(keys), (
        f"{true} true and {len(keys) - true} false")
