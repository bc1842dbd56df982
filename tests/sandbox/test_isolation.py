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
    monkeypatch.setattr(isolation, "bwrap_wanted", lambda: True)
    with pytest.warns(RuntimeWarning, match="bubblewrap"):  # bwrap fails first, then the fallback too
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


PROBE = '''
import os


def sum_of_squares(v):
    status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
    print("probe", status["Uid"].split()[0], status["CapEff"].strip(), status["NoNewPrivs"].strip(), sorted(os.listdir("/")))
    return float(sum(x * x for x in v))


def sum_of_squares_gradient(v):
    print("gradient called with", len(v), "values")
    return [2.0 * x for x in v]
'''


def probe_output(tmp_path) -> str:
    from ..conftest import submission_with

    probe = tmp_path / "probe.py"
    probe.write_text(PROBE)
    report = grade_submission(submission_with(tmp_path / "sub", {1: probe}), curriculum.select("1"))
    assert report.score == report.max_score
    return report.exercises[0].output


def test_what_the_student_prints_is_kept(tmp_path):
    output = probe_output(tmp_path)
    assert "gradient called with 3 values" in output and "probe" in output


@pytest.mark.skipif(not isolation.namespaces_available(), reason="bubblewrap namespaces unavailable here")
def test_student_code_runs_as_nobody_without_capabilities_and_sees_little(tmp_path):
    line = next(l for l in probe_output(tmp_path).splitlines() if l.startswith("probe"))
    _, uid, capabilities, no_new_privs, *_ = line.split(" ", 4)
    assert (uid, capabilities, no_new_privs) == ("65534", "0000000000000000", "1")
    assert "work" not in line and "home" not in line and "'submission'" in line
