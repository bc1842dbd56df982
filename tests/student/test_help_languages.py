"""`grade --help` and click's own messages speak the student's language."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import yaml

from grader.help_texts import language_of
from grader.i18n import CATALOGUE_DIR


def texts(lang: str) -> dict[str, str]:
    return yaml.safe_load((CATALOGUE_DIR / lang / "help.yaml").read_text(encoding="utf-8"))


def grade(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("GRADE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=120,
                          env={**environment, **env})


def test_command_help_in_kazakh():
    kk = texts("kk")
    shown = grade("exercise", "--help", "--lang", "kk").stdout
    for key in ("exercise", "exercise.seed", "exercise.as_json", "click:Usage:", "click:Options", "click:Show this message and exit."):
        first_words = " ".join(kk[key].split()[:3])
        assert first_words in " ".join(shown.split()), (key, shown)
    assert "Show this message" not in shown and "Seed of the hidden inputs" not in shown


def test_the_list_of_commands_in_russian_from_the_environment():
    ru = texts("ru")
    shown = " ".join(grade("--help", LANG="ru_RU.UTF-8").stdout.split())
    for key in ("grade", "click:Commands", "quiz", "list"):
        assert " ".join(ru[key].split()[:2]) in shown, (key, shown)


def test_a_usage_error_in_russian():
    ru = texts("ru")
    done = grade("exercise", "3", "--bogus", "--lang", "ru")
    assert done.returncode == 2
    worded = {ru[key].format(name="--bogus") for key in ("click:No such option {name!r}.", "click:No such option: {name}")}
    assert any(text in done.stderr for text in worded), done.stderr  # click words it one way or the other
    assert "No such option" not in done.stderr


def test_every_command_and_option_has_its_help_in_the_catalogue():
    from grader.cli import cli

    english, missing = texts("en"), []

    def walk(command: click.Command, path: str) -> None:
        if command.help and path not in english:
            missing.append(path)
        missing.extend(f"{path}.{p.name}" for p in command.params
                       if isinstance(p, click.Option) and p.help and p.name != "version" and f"{path}.{p.name}" not in english)
        if isinstance(command, click.Group):
            for name in command.list_commands(click.Context(command)):
                walk(command.get_command(click.Context(command), name), name if path == "grade" else f"{path}.{name}")

    walk(cli, "grade")
    assert not missing


def test_the_language_comes_from_the_command_line_first():
    assert language_of(["exercise", "3", "--lang", "kk"], {"LANG": "ru_RU.UTF-8"}) == "kk"
    assert language_of(["--lang=ru", "list"], {}) == "ru"
    assert language_of(["list"], {"GRADE_LANG": "kk"}) == "kk"
    assert language_of(["list", "--lang", "xx"], {}) == "en"  # the command itself then says what is wrong


def test_the_version_line_in_each_language():
    from importlib.metadata import version

    for lang, words in (("kk", "нұсқасы"), ("ru", "версия"), ("en", "version")):
        shown = grade("--lang", lang, "--version")
        assert shown.returncode == 0 and shown.stdout.strip() == f"grade, {words} {version('gdkit')}", (lang, shown)


def test_placeholders_in_the_usage_lines_speak_the_language():
    shown = " ".join(grade("batch", "--help", "--lang", "ru").stdout.split())
    assert "grade batch [ПАРАМЕТРЫ] РАБОТЫ" in shown and "--workers ЦЕЛОЕ" in shown and "--timeout ЧИСЛО" in shown, shown
    assert "в папке РАБОТЫ" in shown  # the help text names the placeholder the usage line shows
    assert "--scheduler АДРЕС" in shown and "--exercises НОМЕРА" in shown and "--lang kk|ru|en" in shown, shown
    assert "ADDRESS" not in shown and "SPEC" not in shown
    shown = " ".join(grade("quiz", "lint", "--help", "--lang", "kk").stdout.split())
    assert "grade quiz lint [ПАРАМЕТРЛЕР] [ЖОЛ]" in shown, shown  # an optional argument keeps its brackets
    assert "КОМАНДА [АРГУМЕНТТЕР]..." in grade("--lang", "kk", "quiz", "--help").stdout
    missing = grade("batch", "--lang", "kk")
    assert missing.returncode == 2 and "ЖҰМЫСТАР" in missing.stderr, missing.stderr
    english = " ".join(grade("batch", "--help", "--lang", "en").stdout.split())
    assert "grade batch [OPTIONS] SUBMISSIONS" in english and "--workers INTEGER" in english, english
    assert "--scheduler ADDRESS" in english and "--exercises SPEC" in english, english


def test_every_language_has_every_command_line_text():
    english = set(texts("en"))
    for lang in ("kk", "ru"):
        assert set(texts(lang)) == english, lang


def test_the_quiz_group_takes_the_language_for_its_commands():
    done = grade("quiz", "--lang", "ru", "list")
    assert done.returncode == 0 and "вопросов" in done.stdout, done.stderr


def test_a_command_in_a_help_text_is_never_cut():
    """grade watch --help read "… not kept in `grade" | "progress`)." at 80 columns."""
    from click.testing import CliRunner

    from grader.cli import cli

    for args in (["watch", "--help"], ["exercise", "--help"], ["quiz", "take", "--help"]):
        output = CliRunner().invoke(cli, args, terminal_width=78).output  # click's width on an 80-column screen
        assert all(line.count("`") % 2 == 0 for line in output.splitlines()), output
        assert "\u00a0" not in output
