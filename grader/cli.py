"""The `grade` command line: parses arguments, calls one function, maps errors to exit codes.

Exit codes: 0 everything graded passed, 1 something failed, 2 usage or input error,
3 the grader itself failed. Subcommands are imported only when invoked, so that
`grade exercise` never pays for jinja2, matplotlib or the quiz banks.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import warnings

import click

from .help_texts import (CommandsKeptFormatter, SuggestingGroup, help_catalogue, language_for_all, language_of, localize,
                         speak_click)

# name -> "module:attribute" of a click command, imported on first use.
SUBCOMMANDS: dict[str, str] = {
    "list": "grader.commands.student:list_exercises",
    "exercise": "grader.commands.student:exercise",
    "show": "grader.commands.learning:show",
    "hint": "grader.commands.learning:hint",
    "progress": "grader.commands.progress_view:progress_command",
    "watch": "grader.commands.watch:watch",
    "plot": "grader.commands.plot:plot",
    "batch": "grader.batch.cli:batch",
    "release": "grader.batch.release:release",
    "worksheet": "grader.batch.worksheet:worksheet",
    "quiz": "grader.quiz.cli:quiz",
}


class LazyGroup(SuggestingGroup):
    """A click group whose subcommands are imported when they are invoked (and a mistyped
    one answered with the names it was close to)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(SUBCOMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in SUBCOMMANDS:
            module_name, attribute = SUBCOMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            return localize(command, cmd_name, HELP_LANGUAGE) if HELP_LANGUAGE != "en" else command
        return super().get_command(ctx, cmd_name)


HELP_LANGUAGE = "en"  # the language of --help and of click's messages (set by main)

click.Context.formatter_class = CommandsKeptFormatter  # every command's --help, each `command` on one line


VERSION_MESSAGE = "%(prog)s, version %(version)s"  # help.yaml's key: click:<this>


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """click's version_option fixes its message at import, before the language is known."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    message = help_catalogue(HELP_LANGUAGE).get(f"click:{VERSION_MESSAGE}", VERSION_MESSAGE)
    click.echo(message % {"prog": ctx.find_root().info_name, "version": version("gdkit")})
    ctx.exit()


@click.group(cls=LazyGroup)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the version and exit.")
@language_for_all("Language of every command (default: GRADE_LANG, then the locale, then English).")
def cli() -> None:
    """Gradient descent course kit: grade your exercises, take quizzes."""


# Commands that leave nothing behind when they return (their sandboxes are closed, their files
# written and synced): the interpreter's teardown of numpy and pytest (~40 ms, measured with
# benchmarks/bench_grade.py) is skipped for them.
FAST_EXIT_COMMANDS = {"exercise", "list", "show", "hint", "progress"}


FALLBACK_NOTES = {"SandboxFallback": "sandbox.fallback", "SandboxFallbackAsRoot": "sandbox.fallback_as_root"}


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """The sandbox's fallback is a note in the user's language, one line; other warnings as Python shows them."""
    if category.__name__ in FALLBACK_NOTES:
        from .i18n import translate

        sys.stderr.write(translate(FALLBACK_NOTES[category.__name__], HELP_LANGUAGE) + "\n")
    else:
        _PYTHON_SHOWWARNING(message, category, filename, lineno, file, line)


_PYTHON_SHOWWARNING = warnings.showwarning


def _run_cli() -> int:
    """Run the command as click's standalone mode would, but a Ctrl-C that click itself catches
    (before a command has its own handler: while starting) exits 130, as README says, not 1."""
    try:
        returned = cli.main(prog_name="grade", standalone_mode=False)
    except click.exceptions.Abort:
        from .errors import EXIT_INTERRUPTED

        click.echo(sys.modules["click.core"]._("Aborted!"), err=True)  # click's own words, in the user's language
        return EXIT_INTERRUPTED
    except click.ClickException as error:
        error.show()
        return error.exit_code
    return returned if isinstance(returned, int) else 0


def _report_crash(error: Exception) -> int:
    """Say in the user's language that the grader itself failed, keep the traceback in a file
    of the data folder (printed instead where it cannot be written), return exit code 3."""
    import time
    import traceback

    from .errors import EXIT_INTERNAL
    from .i18n import translate
    from .storage import data_dir

    details = traceback.format_exc()
    try:
        path = data_dir() / "crashes" / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"grade {' '.join(sys.argv[1:])}\n\n{details}", encoding="utf-8")
    except OSError:
        path = None
        sys.stderr.write(details)
    summary = f"{type(error).__name__}: {error}"[:300]
    sys.stderr.write(translate("error.grader_crashed", HELP_LANGUAGE, error=summary, path=path or "—") + "\n")
    return EXIT_INTERNAL


def main() -> None:
    """Console entry point of `grade`."""
    # A short-lived command: the cyclic garbage collector only slows the imports of numpy and
    # pytest down (measured by benchmarks/bench_grade.py).
    gc.disable()
    global HELP_LANGUAGE
    HELP_LANGUAGE = language_of(sys.argv[1:])
    warnings.showwarning = _show_warning
    if HELP_LANGUAGE != "en":
        localize(cli, "grade", HELP_LANGUAGE)
        speak_click(HELP_LANGUAGE)
    try:
        code = _run_cli()
    except SystemExit as exit_request:
        code = exit_request.code if isinstance(exit_request.code, int) else (0 if exit_request.code is None else 1)
    except Exception as error:  # noqa: BLE001 - the grader's own failure: one line and exit 3, not a traceback
        code = _report_crash(error)
    if len(sys.argv) > 1 and sys.argv[1] in FAST_EXIT_COMMANDS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
