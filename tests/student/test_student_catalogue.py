"""The texts of `grade progress`, `watch` and `plot`: complete in kk, ru and en, Kazakh in Kazakh."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

from grader.i18n import CATALOGUE_DIR, LANGUAGES

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
SOURCES = [Path(__file__).resolve().parents[2] / "grader" / name
           for name in ("commands/progress_view.py", "commands/watch.py", "commands/plot.py", "plots.py")]


def load(lang: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in yaml.safe_load((CATALOGUE_DIR / lang / "student.yaml").read_text(encoding="utf-8")).items()}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_same_ids_and_placeholders_in_every_language():
    english = load("en")
    assert len(english) > 30
    assert all(key.split(".")[0] in ("progress", "watch", "plot") for key in english)
    for lang in LANGUAGES:
        other = load(lang)
        assert set(other) == set(english), (lang, set(other) ^ set(english))
        for key, text in english.items():
            assert placeholders(other[key]) == placeholders(text), (lang, key)


def test_every_id_the_code_uses_exists():
    english = load("en")
    used: set[str] = set()
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\"((?:progress|watch|plot)\.[a-z_]+)\"", source))
        used |= {f"plot.{key}" for key in re.findall(r"_t\(\"([a-z_]+)\"", source)}
    # Ids built at run time.
    used |= {"watch.mode_events", "watch.mode_poll", "plot.problem_bowl", "plot.problem_ill_conditioned",
             "plot.loss_title_epoch", "plot.loss_gap_regression", "plot.epoch", "progress.col_number",
             "progress.col_title", "progress.col_status", "progress.col_last", "progress.col_best"}
    assert len(used) > 30
    assert used <= set(english), used - set(english)


def test_kazakh_texts_use_kazakh_letters():
    kazakh, russian = load("kk"), load("ru")
    words = {key: re.findall(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{2,}", text) for key, text in kazakh.items()}
    # Every Kazakh sentence (three words or more) has letters Russian does not have.
    sentences = [key for key, found in words.items() if len(found) >= 3]
    assert len(sentences) >= 15
    assert [key for key in sentences if not KAZAKH_LETTERS & set(kazakh[key])] == []
    # Kazakh is not Russian copied over.
    assert [key for key in sentences if kazakh[key] == russian[key]] == []
    assert kazakh["plot.step"] == "Қадам"
    assert kazakh["plot.loss"] == "Шығын функциясы"
    assert kazakh["plot.learning_rate"] == "Оқу жылдамдығы"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_texts_format_with_their_placeholders(lang):
    for key, text in load(lang).items():
        params = {name: "X" for name in placeholders(text)}
        assert "{" not in text.format(**params), key
