"""Every line that names an exercise by its title fits an 80-column terminal in kk, ru and en,
with its decoration: ex05's Kazakh header with its score was 78 characters, 80 with the ✓ of
`grade watch`, and `grade progress` said "Келесісі: 5-жаттығу, …" in 81."""

from __future__ import annotations

import pytest

from grader import curriculum
from grader.commands.progress_view import cut
from grader.i18n import translate

from ..conftest import STUBS

SCREEN = 79  # an 80-column terminal, its last column left free
WIDEST_SCORE = {"score": "10.5", "max_score": "11"}  # the widest a score is written (ex05: 11 points)


def _title_lines(exercise: curriculum.Exercise, lang: str) -> list[str]:
    title = exercise.title_in(lang)
    header = translate("terminal.exercise_header", lang, number=exercise.number, title=title, **WIDEST_SCORE)
    return [translate("show.header", lang, number=exercise.number, title=title),
            "✓ " + header,  # grade watch folds a passed exercise to its marked header
            translate("progress.next", lang, number=exercise.number, title=title)]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_title_line_fits_80_columns(lang: str):
    too_long = [line for exercise in curriculum.all_exercises() for line in _title_lines(exercise, lang)
                if len(line) > SCREEN]
    assert too_long == []


def test_a_title_cut_to_its_column_ends_at_a_whole_word():
    assert cut("Квадраттардың қосындысы және оның градиенті", 36) == "Квадраттардың қосындысы және оның …"
    assert cut("Adam параметрлері: weight_decay және amsgrad", 36) == "Adam параметрлері: weight_decay …"
    assert cut("RMSprop", 36) == "RMSprop"
    assert cut("Supercalifragilisticexpialidocious!!", 12) == "Supercalifr…"  # one word: cut inside it


def test_a_narrow_column_cuts_inside_a_word_rather_than_leave_it_empty():
    assert cut("Оқу жылдамдығының кестелері", 14) == "Оқу жылдамдығ…"


def test_a_header_too_long_for_a_narrow_screen_is_wrapped_at_words(monkeypatch):
    """ex05's Kazakh header is 66 characters: at 60 columns the terminal cut it in a word."""
    from click.testing import CliRunner

    from grader.cli import cli
    from grader.commands import learning

    monkeypatch.setattr(learning, "terminal_width", lambda: 59)
    monkeypatch.setattr("grader.reports.terminal.terminal_width", lambda: 59)
    lines = CliRunner().invoke(cli, ["show", "5", "--lang", "kk"]).output.splitlines()
    assert lines[:2] == ["5-жаттығу: Сызықтық регрессия: MSE шығын функциясы және", "градиенті"]
    graded = CliRunner().invoke(cli, ["exercise", "5", "--submission", str(STUBS), "--lang", "kk"]).output
    assert graded.splitlines()[:2] == ["5-жаттығу: Сызықтық регрессия: MSE шығын функциясы және", "  градиенті — 0/11"]
