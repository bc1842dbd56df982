"""`grade batch SUBMISSIONS --out DIR`: grade a whole class; every output a view of the records."""

from __future__ import annotations

import math
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..commands.student import MAX_TIMEOUT, MIN_TIMEOUT, lang_option, language
from ..errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, GraderError, UnsupportedPlatform
from ..i18n import translate

if TYPE_CHECKING:
    from .pipeline import Summary

EXIT_DONE = 0  # the batch finished, whatever the students' scores
# The seeds the gradebook can store (an sqlite INTEGER) and the hidden inputs accept (not negative).
MAX_SEED = 2**63 - 1


class InputProblem(click.ClickException):
    """A problem with what the instructor gave (a scheduler address, an output folder): one
    line, exit code 2 like a usage error, without the usage text."""

    exit_code = EXIT_INPUT


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def progress_bar(lang: str):
    """A tqdm bar on a terminal (with ETA); nothing when stdout is not a terminal or tqdm is missing."""
    if not sys.stdout.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return lambda total, stage: tqdm(total=total, desc=translate(f"batch.progress.{stage}", lang), unit="",
                                     file=sys.stdout, dynamic_ncols=True, leave=False, bar_format=BAR_FORMAT)


# The count and the time left, without tqdm's rate: with no unit (a student is said in kk, ru
# or en) it reads "2.99s/" or "?/s".
BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}]"


def answers_exist_for(seed: int) -> None:
    """In the student edition (no reference), refuse a seed it has no recorded answers for
    before anything is graded or recorded, as `grade exercise --seed` does (GraderError)."""
    from ..oracle import load_recorded, recorded_path, reference_available

    if not reference_available() and not recorded_path(seed).is_file():
        load_recorded(seed)  # raises the error that names the seeds there are


def plural_form(count: int, lang: str) -> str:
    """The catalogue's form for `count` things: `one`, `few` or `many` (Russian's three; English
    has one and many; Kazakh keeps a noun after a number singular, so its three texts differ
    only where a pronoun follows the count)."""
    if lang == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return "one"
        return "few" if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else "many"
    return "one" if count == 1 else "many"


def counted(message_id: str, count: int, lang: str, **params: object) -> str:
    """`message_id`'s text for `count` things (message ids `<id>.one`, `<id>.few`, `<id>.many`)."""
    return translate(f"{message_id}.{plural_form(count, lang)}", lang, count=count, **params)


SHOWN_STUDENTS = 5  # students named on one line of stderr; the others are counted


def listed(names: list[str]) -> str:
    """The first SHOWN_STUDENTS of `names`, and how many more there are: "a, b, c, d, e, … (+3)"."""
    shown = ", ".join(names[:SHOWN_STUDENTS])
    return shown + (f", … (+{len(names) - SHOWN_STUDENTS})" if len(names) > SHOWN_STUDENTS else "")


CHANGE_ORDER = ("exercises", "lang", "seed", "timeout", "grader")


def regraded_text(summary: Summary, lang: str) -> str:
    """Why students whose submissions did not change were graded again: the options that differ."""
    changes = [translate(f"batch.changed.{name}", lang, before=", ".join(sorted(summary.changed[name][0])),
                         now=summary.changed[name][1])
               for name in CHANGE_ORDER if name in summary.changed]
    return counted("batch.regraded", summary.regraded, lang, changes="; ".join(changes))


def check_seed(seed: int | None, lang: str) -> None:
    """A usage error (exit 2) for a seed the hidden inputs or the gradebook cannot take."""
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise click.BadParameter(translate("batch.error.seed_range", lang, seed=seed, max=MAX_SEED),
                                 param_hint="'--seed'")


def refuse_a_forgotten_seed(out: Path, seed: int | None, lang: str) -> None:
    """An input error (exit 2) when --seed is left out on a folder graded with the instructor's
    own seed: that run would grade everyone again on the public one, whose answers students
    hold. Giving a --seed, even the public one, is a choice and goes ahead."""
    from ..grading import course_seed
    from .pipeline import GRADEBOOK
    from .store import seeds_in

    if seed is not None:
        return
    own = [graded for graded in seeds_in(out / GRADEBOOK) if graded != course_seed()]
    if own:
        raise InputProblem(translate("batch.error.seed_forgotten", lang, out=str(out), seeds=", ".join(map(str, own)),
                                     seed=own[0], public=course_seed()))


def say_connecting(address: str, lang: str) -> None:
    """On a terminal, a line before the wait for the Dask scheduler: an address where none
    answers takes the whole connection timeout to be told, which was as long without a word."""
    from .runner import CONNECT_TIMEOUT

    if sys.stderr.isatty():
        click.echo(translate("batch.connecting", lang, address=address, seconds=f"{CONNECT_TIMEOUT:g}"), err=True)


def is_busy(error: sqlite3.DatabaseError) -> bool:
    """Whether sqlite failed because another program holds the gradebook (an sqlite3 shell or a
    database browser in a transaction): a sound gradebook, not one to move away."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


def check_timeout(timeout: float, lang: str) -> None:
    """A usage error (exit 2) for a time limit that is not a number of seconds from
    MIN_TIMEOUT to MAX_TIMEOUT: click's range lets nan through (no comparison with it holds)."""
    if not (math.isfinite(timeout) and MIN_TIMEOUT <= timeout <= MAX_TIMEOUT):
        raise click.BadParameter(translate("batch.error.timeout_range", lang, timeout=f"{timeout:g}",
                                           min=f"{MIN_TIMEOUT:g}", max=f"{MAX_TIMEOUT:g}"),
                                 param_hint="'--timeout'")


def name_students(summary: Summary, lang: str) -> None:
    """The lines on stderr that name students: entries ignored, students gone from SUBMISSIONS,
    those graded for a changed submission or for the first time, not gradable (now or still),
    those the grader failed on, and totals that went down (with a changed submission or not)."""
    from .outputs import number, roster_key

    def totals(dropped: list[tuple[str, float, float]]) -> list[str]:  # in the roster's order, as the others
        return [f"{student} {number(last)} → {number(new)}"
                for student, last, new in sorted(dropped, key=lambda d: roster_key(d[0]))]

    lists = (("batch.ignored", summary.ignored), ("batch.stale", summary.stale),
             ("batch.resubmitted", summary.resubmitted), ("batch.first_graded", summary.first_graded),
             ("batch.not_gradable", summary.not_gradable), ("batch.still_not_gradable", summary.still_not_gradable),
             ("batch.grader_failed_names", summary.grader_failed),
             ("batch.dropped", totals(summary.dropped)), ("batch.dropped_unchanged", totals(summary.dropped_unchanged)))
    for message_id, names in lists:
        if names:
            click.echo(counted(message_id, len(names), lang, names=listed(names)), err=True)


@click.command("batch")
@click.argument("submissions", type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="Output folder: grades.csv, results/, gradescope/, gradebook.sqlite, report.html.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Grading processes on this machine (default: the number of CPUs).")
@click.option("--seed", type=int, default=None,
              help="Seed of the hidden inputs: a number only you know, the same on every run (default: the course's "
                   "public one, whose answers students have).")
@click.option("--timeout", type=click.FloatRange(min=MIN_TIMEOUT, max=MAX_TIMEOUT), default=10.0, show_default=True,
              help="Seconds allowed for one call into a student's code.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Grade on an existing Dask cluster, e.g. tcp://host:8786 (see docs/cluster.md).")
@click.option("--exercises", "which", default="all", show_default=True, metavar="SPEC",
              help="Exercises to grade: all, 3, 1-5 or 1,4,7.")
@lang_option
def batch(submissions: Path, out: Path, workers: int | None, seed: int | None, timeout: float,
          scheduler: str | None, which: str, lang: str | None) -> None:
    """Grade every submission in SUBMISSIONS (one folder or .zip per student; or the zip an LMS downloads of it) into the --out folder.

    Re-running the same command grades only the students whose submission changed."""
    from .. import curriculum
    from ..grading import course_seed
    from ..oracle import reference_available
    from ..sandbox.isolation import require_unix, say_if_falling_back
    from .intake import IntakeError
    from .pipeline import GRADEBOOK, OutputBusy, Settings, run, summary_line
    from .runner import SchedulerUnreachable

    lang = language(lang)
    check_seed(seed, lang)
    check_timeout(timeout, lang)
    try:
        require_unix()
        # In order, however given: `3,1` and `1,3` are one selection (the same columns, nothing regraded).
        numbers = tuple(sorted(ex.number for ex in curriculum.select(which)))
    except UnsupportedPlatform as error:
        raise InputProblem(error.message(lang)) from None
    except GraderError as error:
        raise click.UsageError(error.message(lang)) from None
    try:
        answers_exist_for(course_seed() if seed is None else seed)
    except GraderError as error:
        raise InputProblem(error.message(lang)) from None
    if scheduler is not None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise click.UsageError(translate("batch.error.no_dask", lang)) from None
    if out.exists() and not out.is_dir():
        raise click.UsageError(translate("batch.error.out_not_folder", lang, path=str(out)))
    if submissions.resolve() == out.resolve() or submissions.resolve() in out.resolve().parents:
        raise click.UsageError(translate("batch.error.out_inside_submissions", lang, out=str(out),
                                         submissions=str(submissions)))
    refuse_a_forgotten_seed(out, seed, lang)
    if scheduler is None:
        say_if_falling_back()
    else:
        say_connecting(scheduler, lang)
    settings = Settings(submissions=submissions, out=out, numbers=numbers,
                        seed=course_seed() if seed is None else seed, lang=lang, timeout=timeout,
                        workers=workers or default_workers(), scheduler=scheduler)
    try:
        summary = run(settings, progress_bar(lang))
    except SchedulerUnreachable as error:
        raise InputProblem(translate("batch.error.scheduler_unreachable", lang, address=error.address,
                                             reason=error.reason)) from None
    except IntakeError as error:
        raise click.UsageError(translate(error.message_id, lang, **error.params)) from None
    except OutputBusy:
        raise InputProblem(translate("batch.error.busy", lang, out=str(out))) from None
    except sqlite3.DatabaseError as error:  # not a gradebook, or a damaged one: the user's file, not a grader bug
        message_id = "batch.error.gradebook_busy" if is_busy(error) else "batch.error.gradebook_unreadable"
        raise InputProblem(translate(message_id, lang, path=str(out / GRADEBOOK), reason=str(error))) from None
    except KeyboardInterrupt:  # Ctrl-C: what was graded is committed; the next run grades the rest
        click.echo(translate("batch.interrupted", lang, out=str(out)), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:
        raise InputProblem(translate("batch.error.os", lang, path=str(error.filename or out),
                                             reason=error.strerror or str(error))) from None
    name_students(summary, lang)
    if summary.regraded:
        click.echo(regraded_text(summary, lang), err=True)
    if summary.left_out:
        click.echo(translate("batch.left_out", lang, left_out=curriculum.spec_of(summary.left_out), exercises=which,
                             both=curriculum.spec_of(summary.previous | set(numbers)), out=str(out)), err=True)
    if seed is None and reference_available():  # the instructor's kit, on the seed students have answers for
        click.echo(translate("batch.public_seed", lang, seed=course_seed()), err=True)
    click.echo(summary_line(summary, out, lang))
    sys.exit(EXIT_INTERNAL if summary.internal else EXIT_DONE)
