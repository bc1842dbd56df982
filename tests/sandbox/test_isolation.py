"""The sandbox itself: a sandbox that cannot start is the grader's failure (exit 3), never
blamed on the student; the fallback keeps every verdict."""

from __future__ import annotations

import pytest

from grader import curriculum
from grader.grading import grade_submission
from grader.sandbox import isolation

from ..conftest import REFERENCE


def test_a_sandbox_that_never_starts_is_an_internal_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(isolation, "_BWRAP_FAILED", isolation._BWRAP_FAILED)  # restored after the test
    monkeypatch.setattr(isolation, "zygote_command", lambda isolated, root, fd: ["false"])
    report = grade_submission(REFERENCE, curriculum.select("3"))
    assert report.internal_error
    assert all(t.diagnosis == "grader_error" for t in report.exercises[0].tests)
    assert "does not start" in report.exercises[0].tests[0].message


def test_fallback_without_namespaces_keeps_full_marks(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GDKIT_SANDBOX", "off")
    report = grade_submission(REFERENCE, curriculum.select("1-4"))
    assert report.score == report.max_score and not report.internal_error


def test_a_failing_bwrap_falls_back_once_with_a_warning(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(isolation, "bwrap_wanted", lambda: True)
    monkeypatch.setattr(isolation, "_BWRAP_FAILED", False)
    monkeypatch.setattr(isolation, "bwrap_command", lambda root, fd: ["false"])
    with pytest.warns(RuntimeWarning, match="bubblewrap"):
        report = grade_submission(REFERENCE, curriculum.select("3"))
    assert report.score == report.max_score and not report.internal_error


@pytest.mark.skipif(not isolation.namespaces_available(), reason="bubblewrap namespaces unavailable here")
def test_runtime_under_tmp_is_visible_in_the_sandbox():
    """A venv under /tmp (as in CI) stays visible: the private /tmp is mounted before it."""
    command = isolation.bwrap_command(REFERENCE, 3)
    tmpfs_at = command.index("--tmpfs")
    runtime = [i for i, arg in enumerate(command) if arg == "--ro-bind" and command[i + 1].startswith("/tmp")]
    assert all(i > tmpfs_at for i in runtime)
