"""The student's commands: `grade list` and `grade exercise N|all`."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import click

from .. import curriculum, progress
from ..errors import EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_PASSED, GraderError
from ..i18n import UnknownLanguage, resolve_language, translate


# A call into a student's code may take at most this long: a longer limit would only hold a
# stuck submission for hours (and past the system's clock range, inf or 1e10 s, fail every grading).
MIN_TIMEOUT, MAX_TIMEOUT = 0.1, 3600.0


class Seconds(click.FloatRange):
    """A time limit in seconds, 0.1 to 3600: click's range lets nan through (no comparison
    with it holds), and inf or 1e10 would overflow the clock (a grader failure on every test)."""

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> float:
        seconds = super().convert(value, param, ctx)
        if math.isnan(seconds):
            message = click.types._("{value} is not in the range {range}.")  # click's text, translated
            self.fail(message.format(value=value, range=self._describe_range()), param, ctx)
        return seconds


SECONDS = Seconds(min=MIN_TIMEOUT, max=MAX_TIMEOUT)  # grade batch checks the same bounds (batch/cli.py)

lang_option = click.option("--lang", "lang", default=None, metavar="kk|ru|en",
                           help="Language of the output (default: GRADE_LANG, then the locale, then English).")


def _own_folder(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """`exercises` (the default), or the current folder when there is no `exercises` here and
    the student runs the command from inside their exercises folder."""
    from ..submission import is_exercise_folder

    if value == Path("exercises") and not value.exists() and is_exercise_folder(Path(".")):
        return Path(".")
    return value


submission_option = click.option(
    "--submission", type=click.Path(path_type=Path), default=Path("exercises"), show_default=True, callback=_own_folder,
    help="Your exercises folder, a folder with the exNN_*.py files, or a zip of either "
         "(a zip's results, like those with --seed, are not kept in `grade progress`).")


def is_practice(submission: Path, seed: int | None) -> bool:
    """Whether a grading goes into the student's progress: their own work on the course's
    inputs. A zip is something handed in or handed over (a classmate's, one being checked
    before upload), and another seed is an experiment; neither changes `grade progress`."""
    return seed is None and submission.suffix.lower() != ".zip"


def language(option: str | None) -> str:
    try:
        return resolve_language(option)
    except UnknownLanguage as err:
        raise click.UsageError(str(err)) from err


def fail(error: GraderError, lang: str) -> None:
    """A user's input error: one line, no traceback, exit 2."""
    from ..reports.terminal import to_stderr

    to_stderr(translate("error.prefix", lang) + " " + error.message(lang))
    sys.exit(EXIT_INPUT)


@click.command("list")
@lang_option
def list_exercises(lang: str | None) -> None:
    """List the exercises with their last known status."""
    from .progress_view import cut, title_width

    lang = language(lang)
    state = progress.load()
    rows = []
    for exercise in curriculum.all_exercises():
        saved = state.get(str(exercise.number))
        if saved is None or "score" not in saved:
            status = translate("status.not_started", lang)
        else:
            key = "status.passing" if saved.get("passed") else "status.failing"
            status = translate(key, lang, score=f"{saved['score']:g}", max_score=f"{saved['max_score']:g}")
        rows.append((exercise, status))
    # Every title cut to one width, so the statuses stand in one column (and fit a terminal).
    width = title_width(2 + 2 + 26 + 1 + 1 + max(len(status) for _, status in rows), widest=44)
    for exercise, status in rows:
        click.echo(f"{exercise.number:>2}  {exercise.module:<26} {cut(exercise.title_in(lang), width):<{width}} {status}")


@click.command("exercise")
@click.argument("which", metavar="N|all")
@submission_option
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the hidden inputs (default: the course's).")
@click.option("--timeout", type=SECONDS, default=10.0, show_default=True,
              help="Seconds allowed for one call into your code.")
@click.option("--json", "as_json", is_flag=True, help="Print the result record as one JSON object.")
@lang_option
def exercise(which: str, submission: Path, seed: int | None, timeout: float, as_json: bool, lang: str | None) -> None:
    """Grade exercise N (or all) of your submission with the hidden tests."""
    from ..grading import course_seed, grade_submission
    from ..reports import json_view, terminal
    from ..sandbox.client import Limits

    lang = language(lang)
    try:
        exercises = curriculum.select(which)
        report = grade_submission(submission, exercises, course_seed() if seed is None else seed, lang,
                                  Limits(call_timeout=timeout))
    except GraderError as error:
        fail(error, lang)
    except KeyboardInterrupt:  # Ctrl-C: no result, nothing recorded
        click.echo(translate("interrupted", lang), err=True)
        sys.exit(EXIT_INTERRUPTED)
    practice = is_practice(submission, seed)
    if practice:
        progress.record(report)
    if as_json:
        click.echo(json_view.render(report))
    else:
        width = terminal.terminal_width()
        on_terminal = width is not None
        # On a screen, several exercises: one line for each passed in full, what is left in full.
        from ..submission import shown_folder

        click.echo(terminal.render(report, lang, color=on_terminal, width=width,
                                   fold_passed=on_terminal and len(exercises) > 1, folder=shown_folder(submission)))
        if not practice:  # or the student wonders why `grade progress` did not move
            key = "terminal.not_recorded_zip" if seed is None else "terminal.not_recorded_seed"
            click.echo(terminal.paragraphs(translate(key, lang), width))
        unfinished = [result.exercise for result in report.exercises if result.score < result.max_score]
        if unfinished and not report.internal_error:  # what to do now, beside the red lines
            click.echo(terminal.paragraphs(translate("terminal.stuck", lang, number=unfinished[0]), width))
    if report.internal_error:
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_PASSED if report.passed else EXIT_FAILED)
