"""Every text a student reads exists in kk, ru and en, with the same placeholders; Kazakh
uses its own letters; the curriculum data has every language too."""

from __future__ import annotations

import re
import string

import pytest
import yaml

from grader import curriculum
from grader.i18n import CATALOGUE_DIR, LANGUAGES

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CATALOGUE_FILES = sorted({p.name for lang in LANGUAGES for p in (CATALOGUE_DIR / lang).glob("*.yaml")})


def load(lang: str, name: str) -> dict:
    path = CATALOGUE_DIR / lang / name
    assert path.is_file(), f"{lang}/{name} is missing"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def words(text: str) -> str:
    """The text without its {placeholders}: what a translator translates."""
    return "".join(literal for literal, _, _, _ in string.Formatter().parse(text))


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


# click's messages whose parameter is an English word click does not translate ("integer").
ENGLISH_ONLY_PARAMETERS = {"click:{value!r} is not a valid {number_type}.": {"number_type"},
                           "terminal.diagnosis": {"id"}}  # a mistake's English id: shown in en only


@pytest.mark.parametrize("name", CATALOGUE_FILES)
def test_same_ids_and_placeholders_in_every_language(name: str):
    english = load("en", name)
    assert english, f"en/{name} is empty"
    for lang in ("kk", "ru"):
        other = load(lang, name)
        assert set(other) == set(english), f"{lang}/{name}: ids differ: {set(other) ^ set(english)}"
        for key, text in english.items():
            if key in ENGLISH_ONLY_PARAMETERS:  # click fills in an English word: left out
                assert placeholders(str(other[key])) == placeholders(str(text)) - ENGLISH_ONLY_PARAMETERS[key], key
                continue
            assert placeholders(str(other[key])) == placeholders(str(text)), f"{lang}/{name}: {key}"


@pytest.mark.parametrize("name", CATALOGUE_FILES)
def test_kazakh_uses_kazakh_letters_and_is_translated(name: str):
    english, kazakh = load("en", name), load("kk", name)
    untranslated = [key for key, text in kazakh.items() if text == english[key] and any(c.isalpha() for c in words(str(text)))]
    assert not untranslated, untranslated
    # Any Kazakh sentence of five words or more has at least one of its own letters.
    without_letters = [key for key, text in kazakh.items()
                       if len(re.findall(r"[А-Яа-яЁё]{2,}", words(str(text)))) >= 5 and not KAZAKH_LETTERS & set(str(text))]
    assert not without_letters, without_letters


def test_russian_is_not_english():
    for name in CATALOGUE_FILES:
        english, russian = load("en", name), load("ru", name)
        assert not [k for k, t in russian.items() if t == english[k] and len(str(t)) > 25], name


def test_every_diagnosis_id_has_a_message():
    from grader.diagnosis import wrong_variants

    english = load("en", "core.yaml")
    for exercise in curriculum.all_exercises():
        for variant_id in wrong_variants(exercise.number, exercise.module):
            mistake = variant_id.partition("/")[0]  # "id/another_form" is named as "id"
            assert f"diagnosis.ex{exercise.number:02d}.{mistake}" in english


def test_curriculum_texts_exist_in_every_language():
    for exercise in curriculum.all_exercises():
        for lang in LANGUAGES:
            assert exercise.title.get(lang) and exercise.statement.get(lang), (exercise.number, lang)
            assert len(exercise.hints.get(lang, [])) == 3, (exercise.number, lang)
        assert KAZAKH_LETTERS & set(exercise.statement["kk"])


COUNTED = re.compile(r"(\d+) (?:steps|epochs|шагов|эпох|қадам|эпоха)\b")


def test_counts_in_test_titles_are_what_the_tests_run():
    """'80 steps on a quadratic' must name a count the test itself writes (titles outlive edits)."""
    import ast

    from grader.curriculum import SUITES_DIR

    literals: dict[str, set[int]] = {}
    for suite in SUITES_DIR.glob("test_ex*.py"):
        for node in ast.walk(ast.parse(suite.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                key = f"test.{suite.stem[5:]}.{node.name[5:]}"
                literals[key] = {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and type(n.value) is int}
    checked = 0
    for lang in LANGUAGES:
        for key, title in load(lang, "tests.yaml").items():
            for count in COUNTED.findall(title):
                assert key in literals, f"{lang}: {key} names no test of the suites"
                assert int(count) in literals[key], f"{lang}: {key} says {count} but the test runs {sorted(literals[key])}"
                checked += 1
    assert checked >= 3 * 7


def test_every_hidden_test_has_a_title_in_every_language():
    """A test added to a suite without its titles showed its English function name in kk/ru."""
    import ast

    from grader.curriculum import SUITES_DIR

    keys = {f"test.{suite.stem[5:]}.{node.name[5:]}"
            for suite in SUITES_DIR.glob("test_ex*.py")
            for node in ast.walk(ast.parse(suite.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}
    assert len(keys) > 90
    for lang in LANGUAGES:
        missing = keys - set(load(lang, "tests.yaml"))
        assert not missing, f"{lang}/tests.yaml lacks {sorted(missing)}"
