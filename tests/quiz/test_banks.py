"""The bundled banks: clean, complete, in three languages, and faithful to the seeds."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from grader.i18n import LANGUAGES
from grader.quiz.lint import KAZAKH_LETTERS, is_kazakh_or_formula
from grader.quiz.loader import yaml_files, bundled_dir, check_files
from grader.quiz.model import QUESTION_TYPES, Flashcard, Matching, MultipleChoice, Ordering, ShortText, SingleChoice

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
    for term in ("градиентный спуск", "шаг обучения", "функци", "потерь", "локальн"):
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


def all_texts(question, lang: str) -> list[str]:
    """Every text of a question in `lang`: text, explanation, options, pairs, items, answers."""
    texts = [question.text[lang], question.explanation[lang]]
    if isinstance(question, (SingleChoice, MultipleChoice)):
        texts += [option.text[lang] for option in question.options]
    if isinstance(question, Matching):
        texts += [side[lang] for pair in question.pairs for side in (pair.left, pair.right)]
    if isinstance(question, Ordering):
        texts += [item[lang] for item in question.items]
    if isinstance(question, Flashcard):
        texts.append(question.answer[lang])
    if isinstance(question, ShortText):
        texts += list(question.answer[lang])
    return texts


def texts_of(catalog, lang: str) -> list[tuple[str, str]]:
    return [(q.id, text) for q in catalog.questions for text in all_texts(q, lang)]


def test_russian_calls_the_learning_rate_shag_obucheniya(catalog):
    """«скорость обучения» was used for η in six places although the seeds' term is «шаг обучения»."""
    for qid, text in texts_of(catalog, "ru"):
        assert not re.search(r"(?i)скорост\w* обучени", text), (qid, text)
    assert all(not re.search(r"(?i)скорост\w* обучени", bank.title.ru) for bank in catalog.banks)
    assert catalog.banks_for("learning_rate")[0].title.ru == "Шаг обучения (learning rate)"


def test_a_factor_is_multiplied_by_not_divided_by(catalog):
    """xₖ₊₁ = (1 − 2η)·xₖ, ηₖ = η₀·dropᵐ, η₀·γᵏ, α·G: "(1 − 2η) есе азайтады" / «уменьшается
    в drop раз» said the opposite (divided by the factor)."""
    for qid, text in texts_of(catalog, "kk"):
        assert not re.search(r"(\)|drop|γ|α|η) есе\b", text), (qid, text)
    for qid, text in texts_of(catalog, "ru"):
        assert not re.search(r"уменьша\w* в [^.]{0,30}\bраз\b", text), (qid, text)
    assert "(1 − 2η) санына көбейтеді" in catalog.question("conv-steps-to-tolerance").explanation.kk
    step, exponential = catalog.question("sched-step-decay"), catalog.question("sched-exponential")
    assert "умножается на drop" in step.explanation.ru and "drop санына көбейтіледі" in step.explanation.kk
    assert "умножается на одно и то же число γ" in exponential.explanation.ru
    assert "γ санына көбейтіледі" in exponential.explanation.kk


def test_amsgrad_is_not_said_to_keep_the_step_from_growing(catalog):
    """With the maximum taken before bias correction, lr/√v̂ grows for g = 1, 0, 0, 0."""
    beta2, lr, v, v_max, steps = 0.999, 1e-3, 0.0, 0.0, []
    for t, g in enumerate([1.0, 0.0, 0.0, 0.0], 1):
        v = beta2 * v + (1 - beta2) * g * g
        v_max = max(v_max, v)
        steps.append(lr / (v_max / (1 - beta2 ** t)) ** 0.5)
    assert steps == sorted(steps) and steps[-1] > 1.9 * steps[0]
    explanation = catalog.question("adam-amsgrad").explanation
    for lang, never in (("kk", "қадам ешқашан өспейді"), ("ru", "шаг никогда не растёт"),
                        ("en", "step never grows")):
        assert never not in explanation[lang] and "v_max" in explanation[lang], lang
    assert "v_max ешқашан кемімейді" in explanation.kk
    assert "v_max никогда не уменьшается" in explanation.ru
    assert "v_max never decreases" in explanation.en


def test_kazakh_overfitting_is_artyq_oqytu_not_retraining(catalog):
    """«қайта оқыту» is re-training; the ru texts there say переобучение (overfitting)."""
    for qid, text in texts_of(catalog, "kk"):
        assert "қайта оқыт" not in text, (qid, text)
    assert "артық оқытылуы (overfitting)" in catalog.question("card-q29-adam").answer.kk
    assert "артық оқытуды азайтады" in catalog.question("card-q30-adam-params").answer.kk


def test_kazakh_says_flat_where_russian_and_english_do(catalog):
    question = next(q for q in catalog.questions
                    if "очень пологая, где-то очень крутая" in q.explanation.ru)
    assert "very flat in places and very steep in others" in question.explanation.en
    assert "бір жерде өте жазық (көлбеу), бір жерде өте тік" in question.explanation.kk
    assert "қисық" not in question.explanation.kk


def test_decay_is_not_left_untranslated(catalog):
    """A bare English "Decay" as the subject of a kk or ru sentence; weight_decay and a term with
    its translation in brackets, such as «кему (decay)», are fine."""
    for lang in ("kk", "ru"):
        for qid, text in texts_of(catalog, lang):
            for match in re.finditer(r"\b[Dd]ecay\b", text):
                bracketed = text[match.start() - 1:match.start()] == "(" or \
                    text[match.end():match.end() + 2] == " ("
                assert bracketed, (qid, lang, text)
    why = catalog.question("sched-why-decay").explanation
    assert "Кему (decay)" in why.kk and "Уменьшение шага (decay)" in why.ru


def test_explanations_cite_a_seed_question_in_words_not_by_its_code(catalog):
    # "Q26 үш механизмді атайды": the seed files' question codes (the `source:` field) mean
    # nothing to a student; an explanation says "сұрақ-жауаптың 26-сұрағы", "вопрос 26 из
    # вопросов и ответов", "question 26 of the Q&A".
    for q in catalog.questions:
        for lang in LANGUAGES:
            assert not re.search(r"\bQ\d", q.text[lang] + " " + q.explanation[lang]), (q.id, lang)
    said = {lang: " ".join(q.explanation[lang] for q in catalog.questions) for lang in LANGUAGES}
    assert "сұрақ-жауаптың 26-сұрағы" in said["kk"].lower() and "вопрос 26 из вопросов и ответов" in said["ru"].lower()
    assert "question 26 of the q&a" in said["en"].lower()
