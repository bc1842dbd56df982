"""Shared fixtures of the quiz tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from grader.quiz.cli import quiz
from grader.quiz.loader import Catalog, load_catalog
from grader.quiz.present import Presented

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled banks, loaded once."""
    return load_catalog()


def run_quiz(*args: str, input: str | None = None) -> Result:
    """`grade quiz ARGS` in-process, with stdin from `input`."""
    return CliRunner().invoke(quiz, list(args), input=input, catch_exceptions=False)


def typed_answer(p: Presented, right: bool = True) -> str:
    """What a learner types to answer `p` rightly (or, with right=False, wrongly but readably)."""
    key = p.key
    if p.question.kind == "flashcard":
        return "yes" if right else "no"
    if p.question.kind == "short_text":
        return p.question.answer[p.lang][0] if right else "something else entirely"
    if isinstance(key, bool):
        return "yes" if key == right else "no"
    if isinstance(key, float):
        return repr(key) if right else repr(key + 1 + abs(key))
    if isinstance(key, tuple):
        return " ".join(str(n) for n in (key if right else key[1:] + key[:1]))
    if isinstance(key, frozenset):
        chosen = key if right else set(range(1, len(p.choices) + 1)) - key
        return " ".join(str(n) for n in sorted(chosen))
    return str(key if right else key % len(p.choices) + 1)
