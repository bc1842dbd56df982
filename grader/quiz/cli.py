"""`grade quiz ...`: parses the command line, calls one function, maps errors to exit codes.

Exit codes: 0 ok, 1 lint problems or wrong answers, 2 usage or input error, 130 stopped with
Ctrl-C (`take` and `review` first show the score so far and keep the missed questions).
"""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

import click

from grader.errors import EXIT_INTERRUPTED
from grader.help_texts import SuggestingGroup, language_for_all
from grader.i18n import UnknownLanguage, resolve_language, translate
from grader.quiz import practice
from grader.quiz.errors import QuizError
from grader.quiz.listing import catalog_data, catalog_lines
from grader.quiz.loader import ALL_TOPICS, bank_paths, bundled_dir, check_files, load_catalog
from grader.quiz.render import FORMATS, render
from grader.quiz.review import state_path
from grader.quiz.session import SessionResult, TerminalConsole
from grader.quiz.sheets import class_csv, grade_sheet, read_sheets, report_lines, sheet_files
from grader.reports.formulas import NBSP
from grader.reports.terminal import error_width, paragraphs

LANG_OPTION = click.option("--lang", metavar="kk|ru|en",
                           help="Language: kk, ru or en (default: GRADE_LANG, then the locale, then English).")


class InputError(click.ClickException):
    """A bad bank, answer sheet or value: the message says what and where; exit code 2."""

    exit_code = 2

    def format_message(self) -> str:
        """The message wrapped at words to the terminal it goes to, its first line leaving room
        for the "Error: " click puts before it (the terminal would cut "sched" | "ules")."""
        width = error_width()
        if width is None:
            return self.message
        prefix = sys.modules["click.exceptions"]._("Error: {message}").format(message="")
        return paragraphs(prefix + self.message, width)[len(prefix):]


def language(option: str | None) -> str:
    """--lang, else resolve_language's environment rules."""
    try:
        return resolve_language(option)
    except UnknownLanguage as err:
        raise click.UsageError(str(err)) from err


@contextmanager
def user_errors(lang: str) -> Iterator[None]:
    """Turn a QuizError into a clean message in `lang` and exit code 2."""
    try:
        yield
    except QuizError as err:
        raise InputError(err.describe(lang)) from err


@contextmanager
def interruptible(lang: str) -> Iterator[None]:
    """Ctrl-C outside a question's prompt (the session handles it there): a line, exit 130."""
    try:
        yield
    except KeyboardInterrupt:
        click.echo()
        click.echo(translate("quiz.take.aborted", lang), err=True)
        click.get_current_context().exit(EXIT_INTERRUPTED)


def session_exit(result: SessionResult | None) -> int:
    """130 after Ctrl-C, 1 if a question was missed or left unanswered, else 0."""
    if result is not None and result.interrupted:
        return EXIT_INTERRUPTED
    return 0 if result is None or result.all_correct else 1


def write_output(text: str, out: Path | None, lang: str) -> None:
    """To `out` if given, else to stdout."""
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        message = translate("quiz.error.cannot_write", lang, path=out, detail=err.strerror)
        raise InputError(message) from err


@click.group(name="quiz", cls=SuggestingGroup)
@language_for_all("Language of every quiz command (default: GRADE_LANG, then the locale, then English).")
def quiz() -> None:
    """Quizzes on gradient descent in Kazakh, Russian and English."""


def _counts_kept_whole(line: str) -> str:
    """`line` with each "label: count" of its counts held together (no-break spaces), so that
    wrapping never leaves a label at a line's end and its count on the next."""
    return re.sub(r"(?:(?<=\()|(?<=; )|^)[^;()]+?(?: \([^;()]*\))?: \d+", lambda found: found.group(0).replace(" ", NBSP),
                  line)


@quiz.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: banks and every question.")
@LANG_OPTION
def list_command(as_json: bool, lang: str | None) -> None:
    """List the banks with their question counts by type and language."""
    lang = language(lang)
    with user_errors(lang):
        catalog = load_catalog()
    if as_json:
        click.echo(json.dumps(catalog_data(catalog), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(paragraphs(_counts_kept_whole(line), indent="    ").replace(NBSP, " ")
                              for line in catalog_lines(catalog, lang)))


@quiz.command()
@click.argument("topic")
@LANG_OPTION
@click.option("--n", "count", type=click.IntRange(min=1), help="Ask N questions (default: all).")
@click.option("--seed", type=click.IntRange(min=0), help="Variant: order, options, drawn numbers.")
def take(topic: str, lang: str | None, count: int | None, seed: int | None) -> None:
    """Take the quiz of TOPIC (or `all`), answering on standard input.

    The topics: `grade quiz list`.
    """
    lang = language(lang)
    with user_errors(lang), interruptible(lang):
        result = practice.take(load_catalog(), topic, lang, count,
                               practice.new_seed() if seed is None else seed,
                               TerminalConsole(), state_path(), date.today())
    click.get_current_context().exit(session_exit(result))


@quiz.command()
@LANG_OPTION
@click.option("--all", "everything", is_flag=True, help="Review every card, due or not.")
@click.option("--seed", type=click.IntRange(min=0), help="Variant of the questions.")
def review(lang: str | None, everything: bool, seed: int | None) -> None:
    """Practise the questions you missed, by Leitner boxes (state in your data folder)."""
    lang = language(lang)
    with user_errors(lang), interruptible(lang):
        result = practice.review(load_catalog(), lang, everything,
                                 practice.new_seed() if seed is None else seed,
                                 TerminalConsole(), state_path(), date.today())
    click.get_current_context().exit(session_exit(result))


@quiz.command("render")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="html, md, gift, moodle-xml, or sheet (a blank answer sheet).")
@LANG_OPTION
@click.option("--answers", is_flag=True, help="Show answers and explanations (html, md).")
@click.option("--topic", default=ALL_TOPICS, show_default=True, help="A topic, or all.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Variant: option order and drawn numbers (an answer sheet names it).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE.")
def render_command(fmt: str, lang: str | None, answers: bool, topic: str, seed: int,
                   out: Path | None) -> None:
    """Render the quiz for print, the web or import into Moodle."""
    lang = language(lang)
    with user_errors(lang):
        text = render(load_catalog().banks_for(topic), fmt, lang, seed, answers)
    write_output(text, out, lang)


@quiz.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@LANG_OPTION
def lint(path: Path | None, lang: str | None) -> None:
    """Check banks (default: the bundled ones) and report every problem with file and line."""
    lang = language(lang)
    with user_errors(lang):
        files = bank_paths(path or bundled_dir())
    banks, problems = check_files(files)
    for problem in problems:
        click.echo(problem.describe(lang))
    questions = sum(len(bank.questions) for bank in banks)
    message = "quiz.lint.failed" if problems else "quiz.lint.ok"
    click.echo(translate(message, lang, files=len(files), questions=questions, count=len(problems)))
    click.get_current_context().exit(1 if problems else 0)


@quiz.command("grade")
@click.argument("answers", type=click.Path(exists=True, path_type=Path))
@LANG_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE.")
def grade_command(answers: Path, lang: str | None, out: Path | None) -> None:
    """Grade an answer sheet (a report), or a folder of them (a CSV for the class)."""
    lang = language(lang)
    with user_errors(lang):
        catalog = load_catalog()
        sheets = read_sheets(sheet_files(answers), catalog)
    results = [grade_sheet(sheet, catalog, lang) for sheet in sheets]
    if answers.is_dir():
        write_output(class_csv(results, catalog), out, lang)
        return
    write_output("\n".join(report_lines(results[0], lang)), out, lang)
    click.get_current_context().exit(0 if results[0].correct == len(results[0].marks) else 1)
