"""The terminal view of a Report: a line per test, a total per exercise and overall."""

from __future__ import annotations

import shutil
import textwrap

import click

from ..i18n import translate
from ..results import Outcome, Report

MARKS = {Outcome.PASSED: ("✓", "green"), Outcome.FAILED: ("✗", "red"), Outcome.ERROR: ("✗", "red"), Outcome.TIMEOUT: ("⧗", "yellow")}


def _points(value: float) -> str:
    return f"{value:g}"


def screen_width() -> int:
    """The width to wrap messages to on a terminal: its columns less one (a line that fills
    the last column makes some terminals add an empty line)."""
    return shutil.get_terminal_size().columns - 1


def _wrapped(text: str, indent: str, width: int | None) -> list[str]:
    if width is None:
        return [indent + text]
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent) or [indent]


def render(report: Report, lang: str, color: bool, width: int | None = None) -> str:
    """The report as text; ANSI colours only when `color`; messages wrapped to `width` if given."""
    lines: list[str] = []
    for exercise in report.exercises:
        header = translate("terminal.exercise_header", lang, number=exercise.exercise, title=exercise.title,
                           score=_points(exercise.score), max_score=_points(exercise.max_score))
        lines.append(click.style(header, bold=True) if color else header)
        for test in exercise.tests:
            mark, colour = MARKS[test.outcome]
            mark = click.style(mark, fg=colour) if color else mark
            lines.append(f"  {mark} {test.title}  ({_points(test.score)}/{_points(test.max_score)})")
            if test.message:
                lines.extend(_wrapped(test.message, "      ", width))
            if test.diagnosis and test.outcome is not Outcome.PASSED:
                lines.append("      " + translate("terminal.diagnosis", lang, id=test.diagnosis))
        if exercise.output.strip():
            lines.append("  " + translate("terminal.output", lang))
            lines.extend("    | " + line for line in exercise.output.strip().splitlines()[:20])
    total = translate("terminal.total", lang, score=_points(report.score), max_score=_points(report.max_score))
    lines.append(click.style(total, bold=True) if color else total)
    return "\n".join(lines)
