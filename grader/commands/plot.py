"""`grade plot N`: a PNG of your optimizer's trajectory next to the reference's.

matplotlib is imported only here (grader/plots.py, Agg backend), never by `grade exercise`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import curriculum
from ..errors import EXIT_INPUT, GraderError, UnknownExercise
from ..i18n import translate
from ..reports.terminal import to_stderr
from .student import fail, lang_option, language, submission_option


@click.command("plot")
@click.argument("number", type=int)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The PNG file to write (default: exNN_trajectory.png in the current folder).")
@submission_option
@lang_option
def plot(number: int, out: Path | None, submission: Path, lang: str | None) -> None:
    """Plot the trajectory of your optimizer of exercise NUMBER next to the reference's."""
    lang = language(lang)
    try:
        exercise = curriculum.exercise(number)
    except GraderError as error:
        fail(error, lang)
    from .. import plots

    if number not in plots.PLOTTABLE:
        fail(UnknownExercise("plot.not_plottable", number=number,
                             available=", ".join(str(n) for n in plots.PLOTTABLE)), lang)
    if not plots.reference_available():
        to_stderr(translate("error.prefix", lang) + " " + translate("plot.no_reference", lang))
        sys.exit(EXIT_INPUT)
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        to_stderr(translate("error.prefix", lang) + " " + translate("plot.no_matplotlib", lang))
        sys.exit(EXIT_INPUT)
    out = _plot_file(out or Path(f"ex{number:02d}_trajectory.png"), lang)
    try:
        data = plots.compute(exercise, submission, lang)
    except GraderError as error:
        fail(error, lang)
    if data.failure:
        to_stderr(translate("plot.reference_only", lang, reason=data.failure))
    try:
        path = plots.render(data, exercise, lang, out)
    except OSError as error:  # a folder that cannot be made, a file in the way, no permission
        to_stderr(translate("error.prefix", lang) + " " + translate(
            "plot.cannot_write", lang, path=str(out), reason=error.strerror or type(error).__name__))
        sys.exit(EXIT_INPUT)
    click.echo(translate("plot.written", lang, path=str(path)))


def _plot_file(out: Path, lang: str) -> Path:
    """`out` as matplotlib writes it: a name without an extension gets .png (the message named
    `plot`, the file was `plot.png`); an extension it cannot write is an input error (it was
    matplotlib's ValueError, 'the grader itself failed')."""
    if not out.suffix:
        return out.with_name(out.name + ".png")
    from matplotlib.backend_bases import FigureCanvasBase

    if out.suffix[1:].lower() not in FigureCanvasBase.get_supported_filetypes():
        to_stderr(translate("error.prefix", lang) + " " + translate("plot.bad_format", lang, path=str(out),
                                                                      suffix=out.suffix))
        sys.exit(EXIT_INPUT)
    return out
