"""`grade watch`: grades again when a file changes, with file events and with polling."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from grader import curriculum
from grader.cli import cli
from grader.commands import watch as watch_module
from grader.errors import GraderError
from grader.results import Report
from grader.sandbox.client import Limits
from tests.conftest import MISTAKES, REFERENCE, module_file, submission_with

EX03 = module_file(3)


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def run_loop(folder: Path, watcher, rounds: int):
    """Start watch_loop in a thread; returns (results list, lines, thread, stop event)."""
    results: list[object] = []
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch_module.watch_loop,
        args=(folder, [curriculum.exercise(3)], 2026, "en", Limits(call_timeout=10), watcher),
        kwargs={"max_rounds": rounds, "on_result": results.append, "stop": stop, "echo": lines.append},
        daemon=True,
    )
    thread.start()
    return results, lines, thread, stop


def regrades_after_change(folder: Path, watcher) -> None:
    results, lines, thread, stop = run_loop(folder, watcher, rounds=2)
    try:
        assert wait_for(lambda: len(results) == 1), lines
        assert isinstance(results[0], Report) and results[0].passed
        time.sleep(0.3)  # nothing changed: no second grading
        assert len(results) == 1
        shutil.copyfile(MISTAKES / "ex03_step_sign_flipped.py", folder / EX03)
        assert wait_for(lambda: len(results) == 2), lines
        thread.join(10)
        assert not thread.is_alive()
        assert isinstance(results[1], Report) and not results[1].passed
        assert results[1].score < results[0].score
        assert any("Watching exercise 3" in line for line in lines)
        assert any("A file changed" in line for line in lines)
    finally:
        stop.set()
        watcher.close()


def test_polling_regrades_after_a_change(tmp_path):
    folder = submission_with(tmp_path / "sub", {})
    regrades_after_change(folder, watch_module.PollingWatcher(folder, interval=0.1))


def test_events_regrade_after_a_change(tmp_path):
    pytest.importorskip("watchdog")
    folder = submission_with(tmp_path / "sub", {})
    watcher = watch_module.EventWatcher(folder, interval=60.0)  # the safety-net poll never fires in the test
    assert watcher.mode == "events"
    regrades_after_change(folder, watcher)


def test_make_watcher_honours_poll_and_falls_back(tmp_path, monkeypatch):
    folder = submission_with(tmp_path / "sub", {})
    assert type(watch_module.make_watcher(folder, poll=True)) is watch_module.PollingWatcher
    import builtins

    real_import = builtins.__import__

    def no_watchdog(name, *args, **kwargs):
        if name.startswith("watchdog"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_watchdog)
    assert type(watch_module.make_watcher(folder, poll=False)) is watch_module.PollingWatcher


def test_a_grader_error_is_shown_and_watching_goes_on(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.py").write_text("# not an exercise file\n")
    results, lines, thread, stop = run_loop(folder, watch_module.PollingWatcher(folder, interval=0.1), rounds=2)
    try:
        assert wait_for(lambda: len(results) == 1), lines
        assert isinstance(results[0], GraderError)
        assert any(line.startswith("Error:") and "no exercise files" in line for line in lines)
        shutil.copyfile(REFERENCE / EX03, folder / EX03)
        assert wait_for(lambda: len(results) == 2), lines
        assert isinstance(results[1], Report) and results[1].passed
    finally:
        stop.set()
        thread.join(10)


def test_snapshot_sees_content_size_and_new_files(tmp_path):
    folder = submission_with(tmp_path / "sub", {})
    before = watch_module.snapshot(folder)
    assert str(folder / EX03) in before and all(p.endswith(".py") for p in before)
    (folder / "notes.txt").write_text("not watched")
    assert watch_module.snapshot(folder) == before
    with (folder / EX03).open("a") as stream:
        stream.write("\n# edited\n")
    assert watch_module.snapshot(folder) != before


class InterruptingWatcher(watch_module.PollingWatcher):
    """Acts like a person pressing Ctrl-C while the command waits for a change."""

    def wait(self, stop):
        raise KeyboardInterrupt


def test_ctrl_c_exits_cleanly(tmp_path, monkeypatch):
    folder = submission_with(tmp_path / "sub", {})
    monkeypatch.setattr(watch_module, "make_watcher", lambda submission, poll, interval: InterruptingWatcher(submission))
    result = CliRunner().invoke(cli, ["watch", "3", "--submission", str(folder), "--lang", "kk"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "3-жаттығу" in result.output  # the report was shown before waiting
    assert result.output.rstrip().endswith("Бақылау тоқтатылды. Сау болыңыз!")


def test_ctrl_c_during_grading_exits_cleanly(tmp_path, monkeypatch):
    """pytest swallows a KeyboardInterrupt inside a grading: the SIGINT flag still stops the command."""
    folder = submission_with(tmp_path / "sub", {})

    def interrupted_grading(*args, **kwargs):
        watch_module.INTERRUPTED.set()  # what the SIGINT handler does
        return Report(())  # pytest's partial report

    import grader.grading

    monkeypatch.setattr(grader.grading, "grade_submission", interrupted_grading)
    result = CliRunner().invoke(cli, ["watch", "3", "--submission", str(folder), "--poll", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Stopped watching. Bye!" in result.output
    assert "Watching" not in result.output


def test_missing_submission_is_an_input_error(tmp_path):
    result = CliRunner().invoke(cli, ["watch", "3", "--submission", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_watching_many_exercises_folds_the_passed_ones(tmp_path):
    """grade watch of several exercises: a passed exercise is one line, a failing one shows its
    tests, so what is left to do stays on the screen."""
    folder = submission_with(tmp_path / "sub", {4: MISTAKES / "ex04_gradient_ascent.py"})
    lines: list[str] = []
    exercises = curriculum.select("3-5")
    watcher = watch_module.PollingWatcher(folder, interval=0.1)
    try:
        watch_module.watch_loop(folder, exercises, 2026, "en", Limits(call_timeout=10), watcher, max_rounds=1,
                                echo=lines.append)
    finally:
        watcher.close()
    shown = "\n".join(lines).splitlines()
    headers = [line for line in shown if line.lstrip("✓ ").startswith("Exercise ")]
    assert [h.startswith("✓ Exercise ") for h in headers] == [True, False, True], headers
    ex04 = shown.index(headers[1])
    assert shown[ex04 + 1].startswith("  ✗") and not any(line.startswith("  ✓") and "random" in line for line in shown[:ex04])
    assert len(shown) < 60 and len([line for line in shown if line.startswith("  ")]) > 15  # ex04 in full
