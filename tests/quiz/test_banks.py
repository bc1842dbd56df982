"""The bundled banks: clean, complete, in three languages, and faithful to the seeds."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from grader.i18n import LANGUAGES
from grader.quiz.lint import KAZAKH_LETTERS, is_kazakh_or_formula
from grader.quiz.loader import yaml_files, bundled_dir, check_files
from grader.quiz.model import QUESTION_TYPES, Flashcard

SEED_FILES = {"lecture6_kk.txt", "lecture6_slides_kk_ocr.txt", "qa_gradient_descent_ru.txt",
              "qa_gd_variants_ru.txt", "slides_gradient_descent_ru.txt"}
TOPICS = {"gradient_basics", "learning_rate", "convergence", "minima_init", "batch_sgd",
          "schedules", "momentum", "adagrad_rmsprop", "adam", "linear_regression"}


def test_bundled_banks_lint_clean():
    files = yaml_files(bundled_dir())
    banks, problems = check_files(files)
    assert [p.describe("en") for p in problems] == []
    assert len(banks) == len(files) == 10


def test_one_bank_per_required_topic(catalog):
    assert {bank.topic for bank in catalog.banks} == TOPICS


def test_at_least_sixty_questions_in_each_language_mostly_auto_graded(catalog):
    questions = catalog.questions
    for lang in LANGUAGES:
        assert sum(1 for q in questions if q.text[lang] and q.explanation[lang]) >= 60
    auto = sum(1 for q in questions if q.auto_graded)
    assert auto >= 60 and auto > len(questions) / 2


def test_every_question_type_is_used(catalog):
    counts = Counter(q.kind for q in catalog.questions)
    assert set(counts) == set(QUESTION_TYPES)


def test_sources_name_a_seed_file_and_a_place(catalog):
    for q in catalog.questions:
        file, _, place = q.source.partition(" ")
        assert file in SEED_FILES, q.id
        assert re.match(r"(Q\d+|§)", place), q.id


def _numbers(source: str) -> set[int]:
    match = re.search(r"Q(\d+)(?:–Q?(\d+))?", source)
    if not match:
        return set()
    first = int(match.group(1))
    return set(range(first, int(match.group(2) or first) + 1))


@pytest.mark.parametrize("seed, numbers", [
    ("qa_gradient_descent_ru.txt", range(11, 21)),
    ("qa_gd_variants_ru.txt", range(21, 31)),
])
def test_every_seed_question_is_a_flashcard_and_is_covered(catalog, seed, numbers):
    cards = {n for q in catalog.questions if isinstance(q, Flashcard) and q.source.startswith(seed)
             for n in _numbers(q.source)}
    assert cards == set(numbers)


def test_kazakh_lecture_key_questions_are_flashcards(catalog):
    cards = [q for q in catalog.questions
             if isinstance(q, Flashcard) and q.source.startswith("lecture6_slides_kk_ocr.txt")]
    assert len(cards) == 4


def test_kazakh_texts_use_kazakh_letters(catalog):
    for q in catalog.questions:
        for text in (q.text.kk, q.explanation.kk):
            assert set(text) & KAZAKH_LETTERS or not re.search("[А-Яа-яЁё]", text), q.id


def test_the_kazakh_letter_rule_itself():
    assert is_kazakh_or_formula("Градиенттік төмендеу")
    assert is_kazakh_or_formula("θ ← θ − η·∇L(θ)")
    assert not is_kazakh_or_formula("Градиентный спуск")


def test_russian_texts_have_no_kazakh_letters(catalog):
    for q in catalog.questions:
        assert not set(q.text.ru + q.explanation.ru) & KAZAKH_LETTERS, q.id


def test_kazakh_uses_the_lecture_terms(catalog):
    kk = " ".join(q.text.kk + q.explanation.kk for q in catalog.questions)
    for term in ("градиенттік төмендеу", "оқу жылдамдығы", "шығын функция", "жергілікті минимум"):
        assert term in kk.lower(), term


def test_russian_uses_the_seed_terms(catalog):
    ru = " ".join(q.text.ru + q.explanation.ru for q in catalog.questions).lower()
    for term in ("градиентный спуск", "скорость обучения", "функци", "потерь", "локальн"):
        assert term in ru, term


def test_adam_defaults_and_epsilon_placement_follow_the_curriculum(catalog):
    defaults = catalog.question("adam-defaults")
    table = {pair.left.en: pair.right.en for pair in defaults.pairs}
    assert table == {"lr": "0.001", "beta1": "0.9", "beta2": "0.999", "eps": "1e-8",
                     "weight_decay": "0"}
    update = catalog.question("adam-update")
    assert "(√v̂ + ε)" in next(o.text.en for o in update.options if o.key == update.answer)
    for qid in ("ada-formula", "rms-formula"):
        question = catalog.question(qid)
        assert "√(Gₖ,ⱼ + ε)" in next(o.text.en for o in question.options if o.key == question.answer)
