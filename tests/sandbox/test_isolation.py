"""The sandbox itself: a sandbox that cannot start is the grader's failure (exit 3), never
blamed on the student; the fallback keeps every verdict."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from grader import curriculum
from grader.grading import grade_submission
from grader.sandbox import isolation

from ..conftest import REFERENCE, ROOT, submission_with


def test_a_sandbox_that_never_starts_is_an_internal_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(isolation, "_BWRAP_FAILED", isolation._BWRAP_FAILED)  # restored after the test
    monkeypatch.setattr(isolation, "zygote_command", lambda isolated, root, fd, processes: ["false"])
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
    monkeypatch.setattr(isolation, "bwrap_command", lambda root, fd, processes: ["false"])
    with pytest.warns(RuntimeWarning, match="bubblewrap"):
        report = grade_submission(REFERENCE, curriculum.select("3"))
    assert report.score == report.max_score and not report.internal_error


@pytest.mark.skipif(not isolation.namespaces_available(), reason="bubblewrap namespaces unavailable here")
def test_runtime_under_tmp_is_visible_in_the_sandbox():
    """A venv under /tmp (as in CI) stays visible: the private /tmp is mounted before it."""
    command = isolation.bwrap_command(REFERENCE, 3, 256)
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


@pytest.mark.skipif(not isolation.namespaces_available() or not isolation.bwrap_sizes_tmpfs(),
                    reason="bubblewrap namespaces, with sized tmpfs, unavailable here")
def test_what_student_code_writes_is_bounded_and_only_where_it_is_wiped(tmp_path):
    """/tmp and /dev/shm are the machine's memory: at most TMP_BYTES and SHM_BYTES. Nothing else
    is writable (bwrap's root, /etc, /root and /dev were: unbounded, and never wiped)."""
    from ..conftest import HOSTILE, submission_with

    report = grade_submission(submission_with(tmp_path / "sub", {3: HOSTILE / "ex03_fills_tmpfs.py"}),
                              curriculum.select("3"))
    line = next(l for l in report.exercises[0].output.splitlines() if l.startswith("FILLED"))
    _, tmp, shm, wrote, *folders = line.split(" ")
    assert int(tmp) <= isolation.TMP_BYTES >> 20 and int(shm) <= isolation.SHM_BYTES >> 20
    assert wrote == "WROTE" and folders == [""]


# A student is not root, and a desktop user runs hundreds of threads (a browser): the kernel
# counts them all against RLIMIT_NPROC. These tests run the grader as uid nobody.
# - Fallback: nobody keeps only the right to read files (CAP_DAC_OVERRIDE: the interpreter and
#   this checkout may be under /root), which leaves the process limit enforced; bwrap refuses
#   to run with a capability, so this is the fallback (GDKIT_SANDBOX=off says it outright).
# - Namespaces: nobody with no capability at all, where the interpreter and the checkout are
#   readable by anyone (else skipped).
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
READING = ["--inh-caps=-all,+dac_override", "--ambient-caps=-all,+dac_override"]
BUSY_DESKTOP = """
import subprocess, sys, threading
stop = threading.Event()
for _ in range(int(sys.argv[1])):
    threading.Thread(target=stop.wait, daemon=True).start()
done = subprocess.run([sys.executable, "-m", "grader", "exercise", "3", "--submission", sys.argv[2], "--json"],
                      capture_output=True, text=True)
sys.stdout.write(done.stdout)
sys.stderr.write(done.stderr)
"""
FORKS = '''
import os
import time


def gradient_step(v, gradient, step_size):
    forked = 0
    for _ in range(600):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            time.sleep(30)
            os._exit(0)
        forked += 1
    print("forked", forked)
    return [a + step_size * b for a, b in zip(v, gradient)]
'''
needs_root = pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv")),
                                reason="running the grader as another user needs root and setpriv")
MODES = {"fallback": ("off", AS_NOBODY + READING), "namespaces": ("on", AS_NOBODY)}


def _runnable(mode: str) -> bool:
    """Whether the grader can run in `mode` as nobody here (namespaces: without any capability)."""
    if mode == "fallback":
        return True
    nested = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'import numpy, grader'], check=True)"
    probe = subprocess.run([*MODES[mode][1], sys.executable, "-c", nested], cwd=ROOT,  # as the test runs it: twice
                           capture_output=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    return probe.returncode == 0 and isolation.namespaces_available()


def _graded_as_a_student(threads: int, submission: Path, mode: str) -> dict:
    """`grade exercise 3 --json` of `submission`, run as uid nobody beside `threads` threads of
    the same user. (What click checks with access(2) must be readable by nobody itself: the
    submission is copied to a world-readable folder.)"""
    readable = Path(tempfile.mkdtemp(prefix="gdkit-as-student-"))
    try:
        readable.chmod(0o755)
        for path in submission.glob("*.py"):
            shutil.copyfile(path, readable / path.name)
            (readable / path.name).chmod(0o644)
        data = readable / "data"
        data.mkdir()
        data.chmod(0o777)
        sandbox, command = MODES[mode]
        env = dict(os.environ, GDKIT_SANDBOX=sandbox, GRADE_DATA_DIR=str(data), PYTHONDONTWRITEBYTECODE="1")
        done = subprocess.run([*command, sys.executable, "-c", BUSY_DESKTOP, str(threads), str(readable)],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    finally:
        shutil.rmtree(readable, ignore_errors=True)
    assert done.stdout, done.stderr[-2000:]
    assert sandbox == "off" or "bubblewrap namespaces are not available" not in done.stderr  # not the fallback
    return json.loads(done.stdout)


@needs_root
@pytest.mark.parametrize("mode", MODES)
def test_a_student_running_hundreds_of_threads_is_graded(mode):
    if not _runnable(mode):
        pytest.skip("the interpreter or this checkout is not readable by nobody without capabilities")
    result = _graded_as_a_student(400, REFERENCE, mode)
    assert result["score"] == result["max_score"] == 11, result["exercises"][0]["tests"][0]["message"]


@needs_root
@pytest.mark.parametrize("mode", MODES)
def test_the_number_of_processes_of_student_code_stays_capped(tmp_path, mode):
    if not _runnable(mode):
        pytest.skip("the interpreter or this checkout is not readable by nobody without capabilities")
    submission = submission_with(tmp_path / "sub", {})
    (submission / "ex03_gradient_step.py").write_text(FORKS)
    result = _graded_as_a_student(0, submission, mode)
    counts = [int(line.split()[1]) for line in result["exercises"][0]["output"].splitlines() if line.startswith("forked")]
    assert counts and max(counts) < 600 and result["score"] == result["max_score"]


def test_the_fallback_is_one_note_in_the_users_language(tmp_path):
    from grader.i18n import translate
    from grader.sandbox.nobody import can_drop_privileges

    as_root = os.geteuid() == 0 and not can_drop_privileges(isolation.packages_folder(), str(isolation.SANDBOX_DIR / "worker.py"))
    note = "sandbox.fallback_as_root" if as_root else "sandbox.fallback"  # which: tests/sandbox/test_fallback_user.py
    env = dict(os.environ, PATH=str(tmp_path))  # no bwrap to be found
    env.pop("GDKIT_SANDBOX", None)
    graded = subprocess.run([sys.executable, "-m", "grader", "exercise", "3", "--submission", str(REFERENCE), "--lang", "kk"],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert graded.returncode == 0 and graded.stderr == translate(note, "kk") + "\n"
    (tmp_path / "class" / "alice").mkdir(parents=True)
    shutil.copyfile(REFERENCE / "ex01_sum_of_squares.py", tmp_path / "class" / "alice" / "ex01_sum_of_squares.py")
    batch = subprocess.run([sys.executable, "-m", "grader", "batch", str(tmp_path / "class"), "--out", str(tmp_path / "out"),
                            "--workers", "2", "--exercises", "1", "--lang", "ru", "--seed", "7"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert batch.returncode == 0 and batch.stderr == translate(note, "ru") + "\n"
    quiet = subprocess.run([sys.executable, "-m", "grader", "exercise", "3", "--submission", str(REFERENCE)],
                           capture_output=True, text=True, env=dict(env, GDKIT_SANDBOX="off"), cwd=ROOT)
    # Chosen: no note, unless student code would run as root, which choosing the fallback is not.
    assert quiet.returncode == 0 and quiet.stderr == (translate(note, "en") + "\n" if as_root else "")


def test_importing_matplotlib_prints_nothing_in_the_sandbox(tmp_path: Path):
    """A student who imports matplotlib (to plot their losses) must not be shown fontconfig's
    complaint about a missing configuration as their own output."""
    pytest.importorskip("matplotlib")
    source = (REFERENCE / "ex03_gradient_step.py").read_text(encoding="utf-8")
    assert "import numpy as np\n" in source
    plotting = tmp_path / "ex03.py"
    plotting.write_text(source.replace("import numpy as np\n", "import numpy as np\nimport matplotlib.pyplot as plt\n"),
                        encoding="utf-8")
    (exercise,) = grade_submission(submission_with(tmp_path / "s", {3: plotting}), curriculum.select("3")).exercises
    assert exercise.score == exercise.max_score and exercise.output == "", exercise.output
