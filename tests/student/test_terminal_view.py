"""What `grade exercise` prints on a terminal: a line per test, a message said once when
consecutive failed tests share it, each different failure's values under its own test and
the explanation of their one mistake said once."""

from __future__ import annotations

import itertools
import json

import click
from click.testing import CliRunner

from grader.cli import cli

from ..conftest import MISTAKES, STUBS, reference_changed, submission_with


def _grade(*arguments: str) -> tuple[str, dict]:
    """The terminal text and the JSON record of the same grading."""
    runner = CliRunner()
    shown = runner.invoke(cli, ["exercise", *arguments])
    record = runner.invoke(cli, ["exercise", *arguments, "--json"])
    return shown.output, json.loads(record.output)


def test_a_stub_says_not_implemented_once_per_function(tmp_path):
    shown, record = _grade("1", "--submission", str(STUBS), "--lang", "en")
    tests = record["exercises"][0]["tests"]
    assert len(tests) > 2 and {t["diagnosis"] for t in tests} == {"not_implemented"}
    for test in tests:
        assert shown.count(f"✗ {test['title']}  (0/") == 1
    messages = [t["message"] for t in tests]
    runs = [(m, sum(1 for _ in group)) for m, group in itertools.groupby(messages)]
    assert len(set(messages)) == 2 and len(runs) < len(tests)  # sum_of_squares, sum_of_squares_gradient
    # Each function's name once under its tests, the explanation they share once under all of them.
    shared = " The function still raises NotImplementedError"
    for message, count in runs:
        own = message[:message.index(shared)]
        assert (f"The {count} tests above: {own}\n" if count > 1 else f"      {own}\n") in shown
    assert shown.count("Not implemented yet") == len(runs)
    assert shown.count("NotImplementedError") == 1 == shown.count("diagnosis: not_implemented")
    assert f"The {len(tests)} tests above:{shared}" in shown


def test_the_shared_message_speaks_the_language():
    shown, record = _grade("3", "--submission", str(STUBS), "--lang", "kk")
    count = len(record["exercises"][0]["tests"])
    assert f"Жоғарыдағы {count} тестке ортақ:" in shown
    assert "not_implemented" not in shown  # the mistake's English id: in --json, not on a kk/ru screen
    shown, _ = _grade("3", "--submission", str(STUBS), "--lang", "ru")
    assert f"Общее для тестов выше ({count}):" in shown and "not_implemented" not in shown


def test_different_failures_are_each_explained_under_their_test(tmp_path):
    folder = submission_with(tmp_path / "s", {15: MISTAKES / "ex15_decoupled_weight_decay.py"})
    shown, record = _grade("15", "--submission", str(folder), "--lang", "en")
    tests = record["exercises"][0]["tests"]
    failed = [t for t in tests if t["status"] != "passed"]
    passed = [t for t in tests if t["status"] == "passed"]
    assert passed and len({t["message"] for t in failed}) == len(failed) > 1  # each mismatch has its own values
    lines = shown.splitlines()
    explanation = " Here weight decay is L2 added to the gradient"  # the mistake's, said once for consecutive failures
    for test in failed:
        title_line = lines.index(f"  ✗ {test['title']}  (0/{test['max_score']:g})")
        own = test["message"][:test["message"].index(explanation)]
        assert lines[title_line + 1] in ("      " + own, "      " + test["message"])  # alone: all of it
    assert shown.count("diagnosis: decoupled_weight_decay") == shown.count(explanation) < len(failed)
    assert "The 2 tests above: Here weight decay is L2" in shown
    for test in passed:
        title_line = lines.index(f"  ✓ {test['title']}  ({test['max_score']:g}/{test['max_score']:g})")
        assert lines[title_line + 1].startswith(("  ✓", "  ✗", "Total"))  # nothing said under a passed test


def test_a_hang_and_a_crash_are_told_in_the_students_language(tmp_path):
    from ..conftest import HOSTILE

    hangs = submission_with(tmp_path / "hangs", {3: HOSTILE / "ex03_infinite_loop.py"})
    shown, record = _grade("3", "--submission", str(hangs), "--timeout", "0.5", "--lang", "ru")
    assert {t["status"] for t in record["exercises"][0]["tests"]} == {"timeout"}
    assert "Нет ответа за 0.5 с: поищите цикл" in shown and "within" not in shown
    exits = submission_with(tmp_path / "exits", {5: HOSTILE / "ex05_exit_at_import.py"})
    shown, record = _grade("5", "--submission", str(exits), "--lang", "kk")
    assert {t["diagnosis"] for t in record["exercises"][0]["tests"]} == {"worker_crashed"}
    assert "орындаушы процесті тоқтатып тастады (exit, сигнал немесе ресурс шегі)" in shown
    assert "worker process" not in shown


def test_run_from_inside_the_exercises_folder_grades_it(tmp_path, monkeypatch):
    import shutil

    inside = tmp_path / "kit" / "exercises"
    shutil.copytree(STUBS, inside)
    monkeypatch.chdir(inside)
    graded = CliRunner().invoke(cli, ["exercise", "3", "--json", "--lang", "en"])
    assert graded.exit_code == 1 and json.loads(graded.output)["exercises"][0]["tests"][0]["diagnosis"] == "not_implemented"
    monkeypatch.chdir(tmp_path)  # neither an exercises folder here nor inside one: the clear error
    missing = CliRunner().invoke(cli, ["exercise", "3", "--lang", "en"])
    assert missing.exit_code == 2 and "exercises does not exist" in missing.output


def test_on_a_screen_several_exercises_fold_the_passed_ones(tmp_path, monkeypatch):
    """`grade exercise all` on a terminal: an exercise passed in full is one line, a failing one
    shows its tests; piped (scripts, files), every test is listed as before."""
    from grader.reports import terminal

    folder = submission_with(tmp_path / "s", {4: MISTAKES / "ex04_gradient_ascent.py"})
    piped, _ = _grade("3-5", "--submission", str(folder), "--lang", "en")
    monkeypatch.setattr(terminal, "terminal_width", lambda: 100)
    screen = CliRunner().invoke(cli, ["exercise", "3-5", "--submission", str(folder), "--lang", "en"]).output
    import click

    assert "✓ Exercise 3:" in click.unstyle(screen) and "✓ Exercise 5:" in click.unstyle(screen)
    assert "A step with positive step_size" in piped and "A step with positive step_size" not in screen
    assert screen.count("  ✗") == piped.count("  ✗") > 0  # the failing exercise in full
    single = CliRunner().invoke(cli, ["exercise", "3", "--submission", str(folder), "--lang", "en"]).output
    assert "A step with positive step_size" in single  # one exercise: all its tests


def test_printed_output_cut_on_screen_says_how_many_lines_are_not_shown():
    from grader.reports import terminal
    from grader.results import ExerciseResult, Outcome, Report, TestResult

    passed = (TestResult("t", "A test", Outcome.PASSED, 1.0, 1.0),)
    printed = "\n".join(f"step {k}" for k in range(50))
    for lang, said in (("kk", "тағы 30 жол көрсетілмеді"), ("ru", "не показаны ещё строки: 30"),
                       ("en", "30 more lines not shown")):
        shown = terminal.render(Report((ExerciseResult(4, "GD", passed, printed),)), lang, color=False, width=79)
        assert "| step 19\n" in shown and "step 20" not in shown
        assert said in shown.splitlines()[-2]  # right under the last line shown, above the total
    short = terminal.render(Report((ExerciseResult(4, "GD", passed, "one\ntwo"),)), "en", color=False, width=79)
    assert "| two" in short and "not shown" not in short


def test_a_test_title_too_long_for_the_screen_goes_on_under_itself_with_its_points_whole():
    from grader.reports import terminal
    from grader.results import ExerciseResult, Outcome, Report, TestResult

    title = "Медленный спуск, который заканчивается на max_steps = 1000 по умолчанию"  # ex17, ru: 81 columns
    report = Report((ExerciseResult(17, "Мультистарт", (TestResult("t", title, Outcome.PASSED, 1.0, 1.0),)),))
    lines = terminal.render(report, "ru", color=False, width=79).splitlines()[1:-1]
    assert lines == ["  ✓ Медленный спуск, который заканчивается на max_steps = 1000 по умолчанию", "    (1/1)"]
    narrow = terminal.render(report, "ru", color=True, width=40).splitlines()[1:-1]
    assert len(narrow) > 2 and all(len(click.unstyle(line)) <= 40 for line in narrow)
    assert click.unstyle(" ".join(narrow)).split() == ["✓", *title.split(), "(1/1)"]
    assert terminal.render(report, "ru", color=False).splitlines()[1] == f"  ✓ {title}  (1/1)"  # piped: one line


def test_a_command_in_a_message_is_never_broken_across_lines():
    # At 80 columns the kk stub message ended "(`grade" and went on "show 1` командасын".
    from grader.reports import terminal

    message = ("Жоғарыдағы 6 тестке ортақ: Әлі жазылмаған: sum_of_squares. Функция әлі де NotImplementedError "
               "тудырады: оның денесін жазыңыз (`grade show 1` командасын қараңыз).")
    for width in range(30, 90):
        lines = terminal._wrapped(message, "      ", width)
        assert any("`grade show 1`" in line for line in lines), width
        assert "\u00a0" not in "".join(lines) and " ".join(lines).split() == message.split()
        shown = terminal.paragraphs(message, width)
        assert "`grade show 1`" in shown and shown.split() == message.split(), width


def test_a_file_is_named_where_the_student_has_it(tmp_path, monkeypatch):
    # `grade exercise 3 --submission lab1` named "exercises/ex03_gradient_step.py:7", the graded
    # copy's path: beside the kit's exercises/, that is the untouched stub.
    from ..conftest import ROOT

    lab = submission_with(tmp_path / "lab1", {3: ROOT / "tests" / "generic" / "ex03_raises_in_helper.py"})
    (tmp_path / "exercises").mkdir()
    monkeypatch.chdir(tmp_path)
    shown, record = _grade("3", "--submission", "lab1", "--lang", "kk")
    assert "lab1/ex03_gradient_step.py:7" in shown and "exercises/ex03" not in shown
    assert "exercises/ex03_gradient_step.py:7" in record["exercises"][0]["tests"][0]["message"]  # the record is the same for all
    monkeypatch.chdir(lab)
    shown, _ = _grade("3", "--lang", "ru")  # inside the folder: no `exercises` here, the files are "."
    assert "— ex03_gradient_step.py:7" in shown and "exercises/" not in shown
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exercises").rmdir()
    lab.rename(tmp_path / "exercises")
    shown, _ = _grade("3", "--lang", "en")  # the default folder: named as it was
    assert "exercises/ex03_gradient_step.py:7" in shown


def test_a_printed_line_too_long_and_output_cut_by_the_grader_are_said_so_in_the_language():
    # print(list(range(20000))) in a function: one line of 64 KB (the cap) went to the screen whole,
    # and "[… output cut]" was English, or lost when the session's outputs were joined.
    from grader.reports import terminal
    from grader.results import ExerciseResult, Outcome, Report, TestResult
    from grader.sandbox.client import OUTPUT_CUT

    passed = (TestResult("t", "A test", Outcome.PASSED, 1.0, 1.0),)
    printed = "short\n" + "7" * 5000 + OUTPUT_CUT
    shown = terminal.render(Report((ExerciseResult(1, "Sum", passed, printed),)), "kk", color=False, width=79)
    lines = shown.splitlines()
    assert "    | short" in lines and max(len(line) for line in lines) < 400
    assert any(line.endswith("… (тағы 4700 таңба)") for line in lines)
    assert lines[-2] == "    … және тағы басқа: кодыңыз шығарған мәтіннің тек басы сақталады" and "output cut" not in shown


def test_a_session_s_output_past_the_cap_ends_with_the_cut_mark(tmp_path):
    from grader import curriculum
    from grader.grading import grade_submission
    from grader.sandbox.client import OUTPUT_CUT

    from ..conftest import REFERENCE

    source = (REFERENCE / "ex01_sum_of_squares.py").read_text(encoding="utf-8").replace(
        "def sum_of_squares_gradient(", "print(list(range(20000)))\n\n\ndef sum_of_squares_gradient(", 1)
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "ex01_sum_of_squares.py").write_text(source, encoding="utf-8")
    (exercise,) = grade_submission(folder, curriculum.select("1")).exercises
    assert exercise.output.endswith(OUTPUT_CUT) and exercise.score == exercise.max_score


def test_one_mistake_is_explained_once_under_the_failures_it_causes(tmp_path):
    """A flipped sign in ex03 fails 7 tests in a row, each with its own values: the Kazakh
    screen said the same four lines of explanation under every one of them (28 lines)."""
    folder = reference_changed(tmp_path / "s", 3, "float) + step_size", "float) - step_size")
    shown, record = _grade("3", "--submission", str(folder), "--lang", "kk")
    failed = [test for test in record["exercises"][0]["tests"] if test["status"] != "passed"]
    assert len(failed) > 2 and len({test["diagnosis"] for test in failed}) == 1
    assert shown.count("gradient_step градиент бағытымен жылжиды") == 1
    assert f"Жоғарыдағы {len(failed)} тестке ортақ: gradient_step градиент бағытымен жылжиды" in shown
    for test in failed:  # each one's own values still under it
        assert test["message"].split(" gradient_step градиент")[0] in shown


def test_the_shared_explanation_starts_at_a_sentence_not_at_an_aside():
    """ex05: both failures mismatch "(место расхождения: результат)." — that aside is each
    one's own, the explanation starts at the sentence after it."""
    from grader.reports.terminal import shared_tail
    from grader.results import Outcome, TestResult

    explanation = "Вы просуммировали по объектам: MSE и её градиент — это средние, (1/n) Σ … (лекция 6)."
    runs = [[TestResult(f"t{n}", "t", Outcome.FAILED, 0, 1, f"ожидалось {n}, получено {5 * n} "
                        f"(место расхождения: результат). {explanation}", "sum_instead_of_mean")] for n in (1, 2)]
    assert shared_tail(runs) == explanation
