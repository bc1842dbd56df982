"""The command line in the student's language: the help of commands and options, and click's
own messages ("Usage:", "Error: …", "Try 'grade exercise --help' for help.").

Texts live in `grader/i18n/<lang>/help.yaml`, keyed by command path ("exercise",
"quiz.take"), by command path and option name ("exercise.seed"), by "click:" + click's
English message (or a value type's name: "click:integer"), and by "metavar:" + an
argument's placeholder ("metavar:SUBMISSIONS"). English is the source: nothing is loaded
for it, so `grade exercise` in English pays nothing for this.
"""

from __future__ import annotations

import gettext
import os
import sys
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

import click

from .i18n import CATALOGUE_DIR, DEFAULT_LANGUAGE, HELP_FILE, UnknownLanguage, load_texts, resolve_language
from .reports.formulas import NBSP, commands_kept_whole

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


def _language_for_all(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:  # `grade --lang kk exercise 3`: as GRADE_LANG, a command's own --lang still wins
        try:
            os.environ["GRADE_LANG"] = resolve_language(value, {})  # kz, rus, … as everywhere
        except UnknownLanguage as error:
            raise click.UsageError(str(error), ctx) from error


def language_for_all(help_text: str) -> Callable[[click.Command], click.Command]:
    """A group's `--lang`: the language of every command under it (set as GRADE_LANG)."""
    return click.option("--lang", metavar="kk|ru|en", expose_value=False, is_eager=True,
                        callback=_language_for_all, help=help_text)


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
    command.options_metavar = texts.get(f"click:{command.options_metavar}", command.options_metavar)
    if isinstance(command, click.Group):
        command.subcommand_metavar = texts.get(f"click:{command.subcommand_metavar}", command.subcommand_metavar)
    for param in command.params:
        if isinstance(param, click.Option):
            # click's --version takes its help text at import, before the language is known
            key = "click:Show the version and exit." if param.name == "version" else f"{path}.{param.name}"
            param.help = texts.get(key, param.help)
        param.metavar = _metavar(param, command, texts)
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, f"{path}.{name}", lang)
    return command


def _metavar(param: click.Parameter, command: click.Command, texts: Mapping[str, str]) -> str | None:
    """The placeholder of an option's value (from its type: INTEGER, or its own: ADDRESS) or of
    an argument (its name: SUBMISSIONS, with click's brackets and dots kept), in the language of
    `texts` (one of no language, such as kk|ru|en, as it is)."""
    if param.metavar is not None:
        return texts.get(f"metavar:{param.metavar}", param.metavar)
    if getattr(param, "is_flag", False) or isinstance(param.type, click.Choice):
        return param.metavar
    if isinstance(param, click.Argument):
        name = param.name.upper()
        translated = texts.get(f"metavar:{name}")
        return _click_metavar(param, click.Context(command)).replace(name, translated) if translated else None
    translated = texts.get(f"click:{param.type.name}")
    return translated.upper() if translated else None


def _click_metavar(param: click.Parameter, ctx: click.Context) -> str:
    """The placeholder click shows for `param` (click ≥ 8.2 asks for the context, 8.1 does not)."""
    try:
        return param.make_metavar(ctx)
    except TypeError:
        return param.make_metavar()


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


def no_such_command(name: str, choices: Iterable[str]) -> str:
    """click's "No such command 'exersice'." with "Did you mean 'exercise'?" when `choices`
    has close matches (difflib), in the language click speaks (speak_click): click says it
    itself only from 8.2 on, and never for a group whose commands are imported lazily."""
    from difflib import get_close_matches  # only when a name is mistyped: not on every `grade`

    core, exceptions = sys.modules["click.core"], sys.modules["click.exceptions"]
    message = core._("No such command {name!r}.").format(name=name)
    close = get_close_matches(name, list(choices))
    if not close:
        return message
    listed = ", ".join(repr(choice) for choice in sorted(close))
    suggestion = getattr(exceptions, "ngettext", gettext.ngettext)(
        "Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", len(close))
    return f"{message} {suggestion.format(possibility=listed, possibilities=listed)}"


class SuggestingGroup(click.Group):
    """A click group that answers a mistyped command with the commands it was close to."""

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            raise click.UsageError(no_such_command(name, self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)


class CommandsKeptFormatter(click.HelpFormatter):
    """click's help formatter, except that a short `command` in a help text is never cut
    across two lines ("… not kept in `grade" | "progress`)." in grade watch --help)."""

    def write_text(self, text: str) -> None:
        super().write_text(commands_kept_whole(text))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, commands_kept_whole(text)) for term, text in rows], col_max, col_spacing)

    def getvalue(self) -> str:
        return super().getvalue().replace(NBSP, " ")
