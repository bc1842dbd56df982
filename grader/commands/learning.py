"""The student's reading commands: `grade show N` (the statement) and `grade hint N`."""

from __future__ import annotations

import re
import textwrap

import click

from .. import curriculum, progress
from ..errors import GraderError
from ..i18n import translate
from ..reports.terminal import paragraphs, terminal_width, wrap
from .student import fail, lang_option, language


def _exercise(number: int, lang: str) -> curriculum.Exercise:
    try:
        return curriculum.exercise(number)
    except GraderError as error:
        fail(error, lang)
        raise


def _width() -> int:
    """The terminal's width (80 when the output is not a terminal)."""
    width = terminal_width()
    return 80 if width is None else max(40, width)


FORMULA_INDENT = 6  # a formula under a long signature, moved left when its column leaves it too little room
LIST_ITEM = re.compile(r"(\s+)(\d+\.|[-•])\s+")


def reflowed(text: str, width: int) -> str:
    """A statement's prose refilled to `width`, paragraph by paragraph. An indented line (a
    signature, a formula) stays a line of its own, continued further indented if too long (and
    moved left first if its indentation leaves it less than two thirds of the width); a
    list item ("  1. …", "  - …") and the lines under its text are one item, refilled with
    its text's indentation."""
    lines, prose, item = [], [], []

    def flush(keep_prose: bool = False) -> None:
        if prose and not keep_prose:
            lines.extend(wrap(" ".join(prose), width))
            prose.clear()
        if item:
            marker = LIST_ITEM.match(item[0])
            lines.extend(wrap(" ".join(part.strip() for part in item), width, initial_indent=marker.group(1),
                              subsequent_indent=" " * marker.end()))
            item.clear()

    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if item and line.strip() and indent == LIST_ITEM.match(item[0]).end():
            item.append(line)  # the item's text goes on
        elif line.strip() and LIST_ITEM.match(line):
            flush()
            item.append(line)
        elif not line.strip() or indent:
            flush()
            if len(line.rstrip()) > width and indent > width // 3:
                indent = min(indent, FORMULA_INDENT)  # a column too far right for the formula: its own line, less indented
            lines.extend(wrap(line.strip(), width, initial_indent=" " * indent,
                              subsequent_indent=" " * (indent + 4)) or [line])
        else:
            flush(keep_prose=True)  # an item ends where the prose starts again
            prose.append(line.strip())
    flush()
    return "\n".join(lines)


@click.command("show")
@click.argument("number", type=int)
@lang_option
def show(number: int, lang: str | None) -> None:
    """Print the statement of exercise NUMBER: signature, formula, conventions."""
    lang = language(lang)
    exercise = _exercise(number, lang)
    click.echo(paragraphs(translate("show.header", lang, number=exercise.number, title=exercise.title_in(lang))))
    click.echo(paragraphs(translate("show.file", lang, module=exercise.module)))
    click.echo()
    click.echo(reflowed(exercise.statement.get(lang) or exercise.statement.get("en", ""), _width()))
    # The full source glosses its places in English; kk and ru get the places alone.
    source = translate("show.source", lang, source=exercise.citation_in(lang))
    click.echo("\n".join(textwrap.wrap(source, _width(), subsequent_indent="  ", break_long_words=False)))


@click.command("hint")
@click.argument("number", type=int)
@click.option("--again", is_flag=True, help="Show the last hint again instead of the next one.")
@click.option("--reset", is_flag=True, help="Start the hints of this exercise from the first one.")
@lang_option
def hint(number: int, again: bool, reset: bool, lang: str | None) -> None:
    """Show the next hint of exercise NUMBER: a nudge, then the formula, then a worked step."""
    lang = language(lang)
    exercise = _exercise(number, lang)
    hints = exercise.hints.get(lang) or exercise.hints.get("en", [])
    shown = 0 if reset else progress.hints_shown(number)
    level = max(shown, 1) if again else min(shown + 1, len(hints))
    not_kept = progress.set_hints_shown(number, level)
    click.echo(paragraphs(translate("hint.header", lang, number=number, level=level, total=len(hints))))
    click.echo(paragraphs(hints[level - 1]))
    if level == len(hints):
        click.echo(paragraphs(translate("hint.last", lang, number=number)))
    if not_kept is not None:  # else the next `grade hint` shows this one again, and the student never sees why
        click.echo(paragraphs(translate("hint.not_kept", lang, path=str(progress.state_path()),
                                        reason=not_kept.strerror or str(not_kept))), err=True)
