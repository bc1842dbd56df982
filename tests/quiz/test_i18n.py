"""The quiz's messages: complete in kk, ru and en, with the same placeholders, none missing or unused."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
import yaml

import grader.quiz
from grader.i18n import LANGUAGES
from grader.quiz.model import QUESTION_TYPES

CATALOGUES = Path(grader.quiz.__file__).parent.parent / "i18n"
SOURCES = Path(grader.quiz.__file__).parent


def messages(lang: str) -> dict[str, str]:
    with (CATALOGUES / lang / "quiz.yaml").open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_language_has_the_same_ids():
    ids = {lang: set(messages(lang)) for lang in LANGUAGES}
    assert ids["kk"] == ids["ru"] == ids["en"]
    assert all(key.startswith("quiz.") for key in ids["en"])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_placeholders_match_english(lang):
    english, other = messages("en"), messages(lang)
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key


def problem_codes(tree: ast.AST) -> set[str]:
    """The codes passed to reader.report(line, CODE, ...) and Problem(file, line, CODE, ...),
    and the trap codes returned by yamlsource."""
    codes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            position = {"report": 1, "Problem": 2}.get(name)
            if position is not None and len(node.args) > position:
                argument = node.args[position]
                if isinstance(argument, ast.Constant):
                    codes.add(argument.value)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("trap_"):
            codes.add(node.value)
    return codes


def used_ids() -> set[str]:
    """Literal ids in the code and templates, problem codes, and the families built from a name."""
    python = [p.read_text(encoding="utf-8") for p in SOURCES.glob("*.py")]
    templates = [p.read_text(encoding="utf-8") for p in SOURCES.glob("templates/*")]
    found = re.findall(r"[\"'](quiz\.[a-z_]+\.[a-z_]+)[\"']", "\n".join(python + templates))
    ids = {name for name in found if not (SOURCES / "templates" / name).exists()}
    for source in python:
        ids |= {f"quiz.problem.{code}" for code in problem_codes(ast.parse(source))}
    for kind in QUESTION_TYPES:
        ids |= {f"quiz.kind.{kind}", f"quiz.hint.{kind}"}
    return ids | {"quiz.words.true", "quiz.words.false"}


def test_no_message_is_missing_or_unused():
    assert used_ids() == set(messages("en"))


def test_kazakh_messages_are_kazakh():
    kazakh = set("әғқңөұүһі")
    prose = [text for key, text in messages("kk").items()
             if re.search("[а-я]{4}", text) and not key.startswith("quiz.words")]
    assert sum(1 for text in prose if kazakh & set(text)) >= 0.9 * len(prose)
