"""The command line in the student's language: the help of commands and options, and click's
own messages ("Usage:", "Error: …", "Try 'grade exercise --help' for help.").

Texts live in `grader/i18n/<lang>/help.yaml`, keyed by command path ("exercise",
"quiz.take"), by command path and option name ("exercise.seed"), and by "click:" + click's
English message. English is the source: nothing is loaded for it, so `grade exercise` in
English pays nothing for this.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from typing import Mapping, Sequence

import click

from .i18n import CATALOGUE_DIR, DEFAULT_LANGUAGE, HELP_FILE, UnknownLanguage, load_texts, resolve_language

# click's modules take gettext's functions at import; these are the ones that use them.
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion", "termui", "types",
                 "utils")


def language_of(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for: its `--lang` (anywhere), else the environment;
    English when it names no language we speak (the command then says so itself)."""
    option = None
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            option = argv[index + 1]
        elif word.startswith("--lang="):
            option = word.split("=", 1)[1]
    try:
        return resolve_language(option, os.environ if environ is None else environ)
    except UnknownLanguage:
        return DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def help_catalogue(lang: str) -> dict[str, str]:
    """The texts of `help.yaml` in `lang` (empty for English, the source)."""
    path = CATALOGUE_DIR / lang / HELP_FILE
    if lang == DEFAULT_LANGUAGE or not path.is_file():  # an edition without it still works, in English
        return {}
    return load_texts(path)


def localize(command: click.Command, path: str, lang: str) -> click.Command:
    """Put the help texts of `command` (at `path`) and of its options, and of its loaded
    subcommands, in `lang`."""
    texts = help_catalogue(lang)
    if not texts:
        return command
    command.help = texts.get(path, command.help)
    command.short_help = texts.get(f"{path}.short", command.short_help)
    for param in command.params:
        if isinstance(param, click.Option):
            # click's --version takes its help text at import, before the language is known
            key = "click:Show the version and exit." if param.name == "version" else f"{path}.{param.name}"
            param.help = texts.get(key, param.help)
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, f"{path}.{name}", lang)
    return command


def speak_click(lang: str) -> None:
    """Make click's own messages come from the catalogue of `lang`."""
    texts = help_catalogue(lang)
    if not texts:
        return

    def gettext(message: str) -> str:
        return texts.get("click:" + message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is not None:
            if hasattr(module, "_"):
                module._ = gettext
            if hasattr(module, "ngettext"):
                module.ngettext = ngettext
