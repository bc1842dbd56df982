"""A mistyped command or quiz topic is answered with the name it was close to, in the
student's language: `grade exersice 3` said only "No such command 'exersice'." (the lazily
imported commands are not in click's own list of names to suggest from)."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from grader.cli import cli
from grader.help_texts import CLICK_MODULES, speak_click

SUGGESTIONS = {
    "en": "No such command 'exersice'. Did you mean 'exercise'?",
    "kk": "'exersice' командасы жоқ. 'exercise' деп айтқыңыз келді ме?",
    "ru": "Нет команды 'exersice'. Может быть, 'exercise'?",
}


@pytest.fixture
def click_speaks(monkeypatch):
    """speak_click(lang) as `grade` calls it at start, click's own functions restored after."""
    def speak(lang: str) -> None:
        for name in CLICK_MODULES:
            module = sys.modules.get(f"click.{name}")
            for attribute in ("_", "ngettext"):
                if module is not None and hasattr(module, attribute):
                    monkeypatch.setattr(module, attribute, getattr(module, attribute))
        speak_click(lang)
    return speak


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_a_mistyped_command_names_the_right_one(lang: str, click_speaks):
    click_speaks(lang)
    result = CliRunner().invoke(cli, ["exersice", "3"])
    assert result.exit_code == 2
    assert SUGGESTIONS[lang] in result.output, result.output


def test_a_mistyped_quiz_command_names_the_right_one(click_speaks):
    click_speaks("ru")
    result = CliRunner().invoke(cli, ["quiz", "tkae", "momentum"])
    assert result.exit_code == 2
    assert "Нет команды 'tkae'. Может быть, 'take'?" in result.output, result.output


def test_a_name_close_to_nothing_is_only_refused():
    result = CliRunner().invoke(cli, ["zzz"])
    assert result.exit_code == 2 and "No such command 'zzz'." in result.output and "Did you mean" not in result.output


@pytest.mark.parametrize("lang, expected", [
    ("kk", "«momentun» тақырыбы жоқ. «momentum» деп айтқыңыз келді ме?"),
    ("ru", "Темы «momentun» нет. Может быть, «momentum»?"),
    ("en", "There is no topic “momentun”. Did you mean “momentum”?"),
])
def test_a_mistyped_quiz_topic_names_the_right_one(lang: str, expected: str):
    result = CliRunner().invoke(cli, ["quiz", "take", "momentun", "--lang", lang], input="")
    assert result.exit_code == 2 and expected in result.output, result.output
    rendered = CliRunner().invoke(cli, ["quiz", "render", "--format", "md", "--topic", "01_gradient_basics",
                                        "--lang", lang])
    assert "gradient_basics" in rendered.output.split("?")[0], rendered.output  # the bank's file name: its topic


def test_a_quiz_error_is_wrapped_at_words_on_a_terminal(monkeypatch):
    """The list of topics ran past the screen's edge, which cut it in "sched" | "ules"; each
    line is now filled with whole words (a comma-separated list is no formula held whole)."""
    from grader.quiz import cli as quiz_cli

    monkeypatch.setattr(quiz_cli, "error_width", lambda: 79)
    output = CliRunner().invoke(cli, ["quiz", "take", "momentun", "--lang", "kk"], input="").output
    lines = output.splitlines()
    assert len(lines) > 1 and all(len(line) <= 79 for line in lines), output
    assert all(len(line) + 1 + len(after.split()[0]) > 79 for line, after in zip(lines, lines[1:])), output
    assert "schedules," in output.split() and "adagrad_rmsprop," in output.split()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_help_of_quiz_take_says_where_the_topics_are(lang: str):
    from grader.help_texts import help_catalogue

    text = help_catalogue(lang).get("quiz.take") if lang != "en" else CliRunner().invoke(cli, ["quiz", "take", "--help"]).output
    assert "`grade quiz list`" in text, text
