"""The terminal view of a Report: a line per test, a total per exercise and overall.

A message that several consecutive failed tests share (an untouched stub, a file that does
not compile) is printed once, under the last of them, saying how many it is for."""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap

import click

from ..i18n import translate
from .formulas import NBSP, commands_kept_whole, formulas_kept_whole
from ..results import Outcome, Report, TestResult
from ..sandbox.client import OUTPUT_CUT

OUTPUT_LINES = 20  # of what the student's code printed, shown under the exercise
OUTPUT_LINE_CHARS = 300  # of each of those lines

MARKS = {Outcome.PASSED: ("✓", "green"), Outcome.FAILED: ("✗", "red"), Outcome.ERROR: ("✗", "red"), Outcome.TIMEOUT: ("⧗", "yellow")}


def _points(value: float) -> str:
    return f"{value:g}"


def terminal_width() -> int | None:
    """screen_width() when the output is a terminal, None when it goes to a file or a pipe."""
    return screen_width() if sys.stdout.isatty() else None


def screen_width() -> int:
    """The width to wrap messages to on a terminal: its columns less one (a line that fills
    the last column makes some terminals add an empty line)."""
    return shutil.get_terminal_size().columns - 1


def error_width() -> int | None:
    """screen_width() when error messages go to a terminal, None when stderr is a file or a pipe."""
    return screen_width() if sys.stderr.isatty() else None


def to_stderr(text: str) -> None:
    """An error or a warning on stderr, wrapped at words to the terminal it goes to (a line
    longer than the screen is broken by the terminal in the middle of a word)."""
    width = error_width()
    click.echo(text if width is None else paragraphs(text, width), err=True)


def paragraphs(text: str, width: int | None = None, indent: str = "") -> str:
    """`text` with each of its lines wrapped to `width` (default: the terminal's width, and
    as it is when the output is not a terminal), never splitting a word or a `command`."""
    width = terminal_width() if width is None else width
    if width is None:
        return text
    return "\n".join(line for paragraph in text.splitlines() for line in (
        _wrap(paragraph, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [""]))


def _wrapped(text: str, indent: str, width: int | None) -> list[str]:
    if width is None:
        return [indent + text]
    return _wrap(text, width, initial_indent=indent, subsequent_indent=indent) or [indent]


def _dashes_kept_with_their_word(text: str) -> str:
    """`text` with each dash between words held to the word before it, and to a number after
    it: a line never starts with "— пішіні (d,)" (in Kazakh and Russian typesetting the dash
    ends the line), nor is "вопросов — 5" cut after its dash."""
    held = re.sub(r"(?<=\S) ([—–]) ", NBSP + r"\1 ", text)
    return re.sub(r"(?<=[—–]) (?=\d)", NBSP, held)


def _wrap(text: str, width: int, **options: object) -> list[str]:
    """textwrap.wrap(text, width, **options), each short `command` and each formula of `text`
    kept on one line (a formula too long for a line cut where a reader would cut it)."""
    room = width - len(str(options.get("subsequent_indent", ""))) - len(" —")  # a dash may follow a formula
    kept = _dashes_kept_with_their_word(formulas_kept_whole(commands_kept_whole(text), room))
    return [line.replace(NBSP, " ") for line in textwrap.wrap(kept, width, **options)]


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """`text` wrapped to `width` at words, never inside a word, a `command` or a formula that fits."""
    return _wrap(text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                 break_long_words=False, break_on_hyphens=False)


def in_folder(message: str, folder: str | None) -> str:
    """`message` with the graded copy's `exercises/exNN_….py` named where the student's file
    is (submission.shown_folder): `--submission lab1` makes it `lab1/ex04_….py`."""
    if folder is None:
        return message
    prefix = "" if folder == "." else folder.rstrip("/" + os.sep) + "/"
    return re.sub(r"(?<![\w/.\\-])exercises/(?=ex\d\d_\w+\.py)", lambda _: prefix, message)


def render(report: Report, lang: str, color: bool, width: int | None = None, fold_passed: bool = False,
           folder: str | None = None) -> str:
    """The report as text; ANSI colours only when `color`; messages wrapped to `width` if given.
    With `fold_passed`, an exercise that passes in full is its header line alone (grade watch
    of many exercises: what is left to do stays on the screen). With `folder`, files are
    named in it (in_folder)."""
    lines: list[str] = []
    for exercise in report.exercises:
        header = translate("terminal.exercise_header", lang, number=exercise.exercise, title=exercise.title,
                           score=_points(exercise.score), max_score=_points(exercise.max_score))
        folded = fold_passed and exercise.score == exercise.max_score and not exercise.output.strip()
        if folded:
            mark, colour = MARKS[Outcome.PASSED]
            header = f"{click.style(mark, fg=colour) if color else mark} {header}"
        header = header if width is None else paragraphs(header, width, indent="  ")  # a narrow screen: at words
        lines.append(click.style(header, bold=True) if color else header)
        if folded:
            continue
        lines.extend(_tests_lines(exercise.tests, lang, color, width, folder))
        if exercise.output.strip():
            output, cut = exercise.output, exercise.output.endswith(OUTPUT_CUT)
            printed = (output[: -len(OUTPUT_CUT)] if cut else output).strip().splitlines()
            lines.append("  " + translate("terminal.output", lang))
            lines.extend("    | " + _short_line(line, lang) for line in printed[:OUTPUT_LINES])
            if len(printed) > OUTPUT_LINES:  # said, or a student takes the first lines for all there was
                lines.append("    " + translate("terminal.output_more", lang, count=len(printed) - OUTPUT_LINES))
            if cut:
                lines.append("    " + translate("terminal.output_cut", lang))
    total = translate("terminal.total", lang, score=_points(report.score), max_score=_points(report.max_score))
    lines.append(click.style(total, bold=True) if color else total)
    return "\n".join(lines)


def _test_line(test: TestResult, color: bool, width: int | None) -> list[str]:
    """`  ✓ title  (1/1)`; a title too long for the screen goes on under itself, broken at a
    word (the terminal would break it anywhere: "(1/" on one line, "1)" on the next)."""
    mark, colour = MARKS[test.outcome]
    text = f"{test.title}  ({_points(test.score)}/{_points(test.max_score)})"
    wrapped = [text]
    if width is not None:  # "  ✓ " is as wide as the four spaces under it
        wrapped = textwrap.wrap(text, width, initial_indent="    ", subsequent_indent="    ",
                                break_long_words=False, break_on_hyphens=False)
        wrapped = [wrapped[0][4:]] + wrapped[1:]
    return [f"  {click.style(mark, fg=colour) if color else mark} {wrapped[0]}"] + wrapped[1:]


def _short_line(line: str, lang: str) -> str:
    """A printed line as shown: a very long one (a list of 20 000 numbers) cut, saying how much."""
    if len(line) <= OUTPUT_LINE_CHARS:
        return line
    return line[:OUTPUT_LINE_CHARS] + " " + translate("terminal.line_cut", lang, count=len(line) - OUTPUT_LINE_CHARS)


def same_message_runs(tests: tuple[TestResult, ...]) -> list[list[TestResult]]:
    """The tests in order, consecutive failed ones with the same message and diagnosis together."""
    runs: list[list[TestResult]] = []
    for test in tests:
        if runs and _explained_alike(runs[-1][-1], test):
            runs[-1].append(test)
        else:
            runs.append([test])
    return runs


def _explained_alike(first: TestResult, second: TestResult) -> bool:
    return (first.outcome is not Outcome.PASSED and second.outcome is not Outcome.PASSED and bool(first.message)
            and (first.message, first.diagnosis) == (second.message, second.diagnosis))


def _tests_lines(tests: tuple[TestResult, ...], lang: str, color: bool, width: int | None,
                 folder: str | None) -> list[str]:
    """A line per test, each failure's message under it; the explanation that consecutive
    failures of one mistake share (their values differ) said once, under the last of them."""
    lines: list[str] = []
    for block in same_diagnosis_blocks(same_message_runs(tests)):
        tail = shared_tail(block)
        for run in block:
            for test in run:
                lines.extend(_test_line(test, color, width))
            lines.extend(_explanation(run, lang, width, folder, shared=tail))
        if tail:
            count = sum(len(run) for run in block)
            lines.extend(_wrapped(translate("terminal.tests_above", lang, count=count) + " " + in_folder(tail, folder),
                                  "      ", width))
            lines.extend(_diagnosis_tag(block[-1][-1], lang))
    return lines


def same_diagnosis_blocks(runs: list[list[TestResult]]) -> list[list[list[TestResult]]]:
    """The runs in order, consecutive failed ones with the same diagnosis together."""
    blocks: list[list[list[TestResult]]] = []
    for run in runs:
        test = run[-1]
        previous = blocks[-1][-1][-1] if blocks else None
        if (previous is not None and test.diagnosis and test.diagnosis == previous.diagnosis
                and Outcome.PASSED not in (test.outcome, previous.outcome)):
            blocks[-1].append(run)
        else:
            blocks.append([run])
    return blocks


SHARED_TAIL_MIN = 30  # characters: less is a coincidence of endings, not one explanation


def shared_tail(block: list[list[TestResult]]) -> str | None:
    """The sentences that end the message of every run of `block` (the mistake's explanation,
    written after each failure's values), if there are several runs and such sentences."""
    if len(block) < 2:
        return None
    messages = [run[-1].message for run in block]
    tail = os.path.commonprefix([message[::-1] for message in messages])[::-1]
    if not tail.startswith(" ") or tail.startswith(" ("):  # a sentence of its own, not "(где: результат)."
        starts = [found.end() for found in re.finditer(r"\. (?!\()", tail)]
        tail = tail[starts[0]:] if starts else ""
    tail = tail.strip()
    if len(tail) < SHARED_TAIL_MIN or any(not message[: -len(tail)].strip() for message in messages):
        return None
    return tail


def _explanation(run: list[TestResult], lang: str, width: int | None, folder: str | None = None,
                 shared: str | None = None) -> list[str]:
    """The message (and diagnosis) of a run of tests, said once; for several, how many. With
    `shared`, the message without that ending (said once for several runs, and the diagnosis
    with it)."""
    test = run[-1]
    lines: list[str] = []
    message = test.message[: -len(shared)].rstrip() if shared else test.message
    if message:
        count = translate("terminal.tests_above", lang, count=len(run)) + " " if len(run) > 1 else ""
        lines.extend(_wrapped(count + in_folder(message, folder), "      ", width))
    if not shared:
        lines.extend(_diagnosis_tag(test, lang))
    return lines


def _diagnosis_tag(test: TestResult, lang: str) -> list[str]:
    # The mistake's id is English snake_case: shown where the catalogue says so (en), not in
    # kk or ru, whose message already names the mistake in words (--json keeps the id).
    tag = translate("terminal.diagnosis", lang, id=test.diagnosis) if test.diagnosis else ""
    return ["      " + tag] if tag and test.outcome is not Outcome.PASSED else []
