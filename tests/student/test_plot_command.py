"""`grade plot N`: the student's trajectory next to the reference's, as a PNG."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from click.testing import CliRunner

pytest.importorskip("matplotlib")

from grader import curriculum, plots  # noqa: E402
from grader.cli import cli  # noqa: E402
from tests.conftest import MISTAKES, ROOT, STUBS, submission_with  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    base = tmp_path_factory.mktemp("plot")
    return {
        "good": submission_with(base / "good", {}),
        "bad": submission_with(base / "bad", {10: MISTAKES / "ex10_damped_momentum.py",
                                              17: MISTAKES / "ex17_largest_loss_picked.py",
                                              7: MISTAKES / "ex07_no_shuffling.py"}),
    }


def test_plottable_exercises_are_the_optimizer_ones():
    assert plots.PLOTTABLE == [ex.number for ex in curriculum.all_exercises() if ex.optimizer]
    assert plots.PLOTTABLE == [4, 6, 7, 8, 10, 11, 12, 13, 14, 15, 17]


@pytest.mark.parametrize("number", [4, 10, 14])
def test_correct_submission_follows_the_reference(folders, number):
    data = plots.compute(curriculum.exercise(number), folders["good"])
    assert data.failure is None and data.student is not None
    assert set(data.student.paths) == {"bowl", "ill_conditioned"}
    for name, path in data.reference.paths.items():
        assert path.shape[1] == 2 and len(path) > 10
        np.testing.assert_allclose(data.student.paths[name], path, rtol=1e-9, atol=1e-12)
    # The reference really reaches the bowl's minimum (3, −2).
    assert np.allclose(data.reference.paths["bowl"][-1], [3.0, -2.0], atol=0.1)


def test_wrong_momentum_has_another_trajectory(folders):
    good = plots.compute(curriculum.exercise(10), folders["good"])
    bad = plots.compute(curriculum.exercise(10), folders["bad"])
    assert bad.failure is None
    np.testing.assert_allclose(bad.reference.paths["bowl"], good.reference.paths["bowl"])
    for name in ("bowl", "ill_conditioned"):
        assert np.max(np.abs(bad.student.paths[name] - bad.reference.paths[name])) > 0.1
        assert not np.allclose(bad.student.losses[name], bad.reference.losses[name])


def test_wrong_multistart_picks_the_other_minimum(folders):
    data = plots.compute(curriculum.exercise(17), folders["bad"])
    assert data.reference.picked[0] == pytest.approx(-1.30, abs=0.01)  # the global minimum
    assert data.student.picked[0] == pytest.approx(1.13, abs=0.01)  # the local one


def test_regression_path_per_epoch(folders):
    good = plots.compute(curriculum.exercise(6), folders["good"])
    path = good.student.paths["regression"]
    assert path.shape == (plots.REGRESSIONS[6]["epochs"] + 1, 2)
    np.testing.assert_allclose(path, good.reference.paths["regression"])
    x, y = plots.regression_data()
    assert np.allclose(path[-1], np.polyfit(x, y, 1), atol=0.1)  # batch GD ends near least squares
    bad = plots.compute(curriculum.exercise(7), folders["bad"])
    assert not np.allclose(bad.student.paths["regression"], bad.reference.paths["regression"])


def png(path):
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert len(data) > 20_000
    return data


@pytest.mark.parametrize(("number", "lang"), [(10, "kk"), (6, "ru"), (17, "en")])
def test_cli_writes_png_and_wrong_code_draws_differently(folders, tmp_path, number, lang):
    runner = CliRunner()
    pictures = {}
    for name in ("good", "bad"):
        out = tmp_path / f"{name}.png"
        result = runner.invoke(cli, ["plot", str(number), "--submission", str(folders[name]), "--out", str(out), "--lang", lang])
        assert result.exit_code == 0, result.output
        assert str(out) in result.output
        pictures[name] = png(out)
    if number in (10, 17):
        assert pictures["good"] != pictures["bad"]


def test_stub_plots_the_reference_alone_and_says_why(tmp_path):
    out = tmp_path / "stub.png"
    result = CliRunner().invoke(cli, ["plot", "12", "--submission", str(STUBS), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Only the reference is plotted" in result.output and "not implemented yet" in result.output
    png(out)
    data = plots.compute(curriculum.exercise(12), STUBS)
    assert data.student is None and data.reference.paths["bowl"].shape[1] == 2


@pytest.mark.parametrize(("number", "source", "said"), [
    (4, ROOT / "tests" / "hostile" / "ex04_wrong_shape.py", "result пішіні (2,), ал күтілгені (k, 2)"),
    (10, ROOT / "tests" / "generic" / "ex10_returns_only_w.py", "2 мәннен тұратын кортеж қайтаруы керек"),
])
def test_an_answer_of_the_wrong_form_is_told_in_the_students_language(tmp_path, number, source, said):
    submission = submission_with(tmp_path / "sub", {number: source})
    result = CliRunner().invoke(cli, ["plot", str(number), "--submission", str(submission), "--out",
                                      str(tmp_path / "p.png"), "--lang", "kk"])
    assert result.exit_code == 0 and said in result.output, result.output
    assert "expected" not in result.output and "must return" not in result.output


def test_not_an_optimizer_exercise_is_an_input_error(tmp_path):
    result = CliRunner().invoke(cli, ["plot", "3", "--out", str(tmp_path / "x.png"), "--lang", "en"])
    assert result.exit_code == 2
    assert "exercise 3 has no trajectory" in result.output and "4, 6, 7" in result.output
    assert not (tmp_path / "x.png").exists()


def test_matplotlib_stays_out_of_grade_exercise():
    code = ("import sys, grader.cli, grader.commands.student, grader.commands.plot, grader.commands.watch, "
            "grader.commands.progress_view, grader.grading, grader.engine, grader.plots; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_out_that_cannot_be_written_is_an_input_error(tmp_path, lang):
    """--out under a file (or anywhere not writable): one line in the student's language, exit
    2, no traceback."""
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    out = blocker / "plot.png"
    result = CliRunner().invoke(cli, ["plot", "12", "--submission", str(STUBS), "--out", str(out), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, OSError) and "Traceback" not in result.output
    assert str(out) in result.output and "--out" in result.output
    assert {"kk": "жаза алмадым", "ru": "не удалось записать", "en": "cannot write"}[lang] in result.output


@pytest.mark.parametrize(("lang", "said"), [("kk", "графикті .txt түрінде жаза алмаймын"),
                                            ("ru", "не удаётся записать график в формате .txt"),
                                            ("en", "cannot write a plot as .txt")])
def test_an_out_of_a_format_matplotlib_cannot_write_is_an_input_error(tmp_path, lang, said):
    """--out plot.txt was 'the grader itself failed' (matplotlib's ValueError), exit 3, and a
    crash report to send to the course's staff."""
    out = tmp_path / "plot.txt"
    result = CliRunner().invoke(cli, ["plot", "12", "--submission", str(STUBS), "--out", str(out), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert said in result.output and ".png" in result.output and not out.exists()


def test_an_out_without_an_extension_is_named_as_written(tmp_path):
    """matplotlib adds .png to `--out plot`: the message named `plot`, which is not there."""
    result = CliRunner().invoke(cli, ["plot", "12", "--submission", str(STUBS), "--out", str(tmp_path / "plot"),
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "plot.png").read_bytes().startswith(PNG_SIGNATURE)
    assert f"Plot written to {tmp_path / 'plot.png'}" in result.output


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_error_on_a_terminal_is_wrapped_at_words_to_its_width(monkeypatch, lang):
    # "графиктер мына жаттығуларға б|ар" at 80 columns: stderr went out as one long line.
    from grader.reports import terminal

    monkeypatch.setattr(terminal, "error_width", lambda: None)  # a pipe or a file: one line, as it is
    piped = CliRunner().invoke(cli, ["plot", "1", "--lang", lang]).output.strip()
    monkeypatch.setattr(terminal, "error_width", lambda: 40)
    result = CliRunner().invoke(cli, ["plot", "1", "--lang", lang])
    lines = result.output.strip().splitlines()
    assert len(piped.splitlines()) == 1 and "4, 6, 7" in piped
    assert result.exit_code == 2 and len(lines) > 2 and all(len(line) <= 40 for line in lines)
    assert result.output.split() == piped.split()  # broken between words only
