"""`grade progress`: every exercise with its status and best score, and the next one to do."""

from __future__ import annotations

import sys

import click

from .. import curriculum, progress
from ..i18n import translate
from ..reports.terminal import paragraphs
from .student import lang_option, language

TITLE_WIDTH = 42  # the widest row then fits 80 columns in every language


def cut(text: str, width: int) -> str:
    """`text` in `width` characters: cut after a whole word with "…" ("… және оның …", not
    "… және оның г…"), or inside a word when whole words would leave a third of the column
    empty (a narrow terminal: "Оқу жылдамдығ…", not "Оқу …")."""
    if len(text) <= width:
        return text
    kept = text[: width - 1]
    words = kept[: kept.rfind(" ") + 1]
    return (words if len(words) >= 2 * len(kept) // 3 else kept) + "…"


def title_width(other_columns: int, widest: int = TITLE_WIDTH, narrowest: int = 12) -> int:
    """The title column's width: `widest`, less what a narrower terminal lacks for a row of
    `other_columns` more characters (never below `narrowest`); `widest` when not a terminal."""
    from ..reports.terminal import terminal_width

    width = terminal_width()
    return widest if width is None else max(narrowest, min(widest, width - other_columns))


def _points(value: float) -> str:
    return f"{float(value):g}"


@click.command("progress")
@lang_option
def progress_command(lang: str | None) -> None:
    """Show every exercise with its status and best score, and which one to do next."""
    lang = language(lang)
    state = progress.load()
    exercises = curriculum.all_exercises()
    rows: list[tuple[curriculum.Exercise, str, str, str]] = []
    next_exercise, passing = None, 0
    for exercise in exercises:
        entry = progress.exercise_status(state, exercise.number)
        if entry is None:
            rows.append((exercise, translate("progress.not_started", lang), "—", "—"))
        else:
            key = "progress.passing" if entry["passed"] else "progress.failing"
            total = _points(entry["max_score"])
            rows.append((exercise, translate(key, lang), f"{_points(entry['score'])}/{total}", f"{_points(entry['best'])}/{total}"))
        if entry is not None and entry["passed"]:
            passing += 1
        elif next_exercise is None:
            next_exercise = exercise
    labels = [translate(f"progress.col_{name}", lang) for name in ("number", "title", "status", "last", "best")]
    status_width = max(len(labels[2]), *(len(row[1]) for row in rows))
    last_width = max(len(labels[3]), *(len(row[2]) for row in rows))
    best_width = max(len(labels[4]), *(len(row[3]) for row in rows))
    width = title_width(3 + 2 + 2 + status_width + 2 + last_width + 2 + best_width)
    header = (f"{labels[0]:>3}  {cut(labels[1], width):<{width}}  {labels[2]:<{status_width}}  "
              f"{labels[3]:>{last_width}}  {labels[4]:>{best_width}}")
    click.echo(header)
    click.echo("─" * len(header))
    color = sys.stdout.isatty()
    colours = {translate("progress.passing", lang): "green", translate("progress.failing", lang): "red"}
    for exercise, status, last, best in rows:
        cell = f"{status:<{status_width}}"
        if color and status in colours:
            cell = click.style(cell, fg=colours[status])
        click.echo(f"{exercise.number:>3}  {cut(exercise.title_in(lang), width):<{width}}  "
                   f"{cell}  {last:>{last_width}}  {best:>{best_width}}")
    click.echo()
    click.echo(paragraphs(translate("progress.summary", lang, passing=passing, total=len(exercises))))
    if next_exercise is None:
        click.echo(paragraphs(translate("progress.all_done", lang)))
    else:
        click.echo(paragraphs(translate("progress.next", lang, number=next_exercise.number,
                                        title=next_exercise.title_in(lang))))
        click.echo(paragraphs(translate("progress.next_how", lang, number=next_exercise.number)))
