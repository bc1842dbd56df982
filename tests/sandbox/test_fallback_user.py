"""The fallback (no namespaces) when the grader runs as root: each sandbox's student code runs as
an unprivileged id of its own, so it cannot change the grader's files, the gradebook or anything
only root may write, nor touch the sandbox graded beside it, and nothing of it outlives its
submission (nobody.py); where other users cannot run the runtime, the note says that student
code runs as root."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest

from grader.sandbox import isolation, nobody

from ..conftest import ROOT, submission_with

RUNS_AS_NOBODY = nobody.can_drop_privileges(isolation.packages_folder(), str(isolation.SANDBOX_DIR / "worker.py"))

TAMPERING = '''
import os

TARGETS = {targets!r}


def gradient_step(v, gradient, step_size):
    print("uid", os.getuid(), "gid", os.getgid(), "groups", os.getgroups())
    print([line for line in open("/proc/self/status") if line.startswith("NoNewPrivs")])
    for path in TARGETS:
        try:
            with open(path, "a") as stream:
                stream.write("tampered\\n")
            print("changed", path)
        except OSError:
            pass
    return [a + step_size * b for a, b in zip(v, gradient)]
'''


@pytest.mark.skipif(not RUNS_AS_NOBODY, reason="needs root and a Python runtime the user nobody can read (not under /root)")
def test_in_the_fallback_as_root_student_code_runs_as_an_unprivileged_id_of_its_own(tmp_path: Path):
    owned_by_root = Path(tempfile.mkdtemp(prefix="gdkit-only-root-writes-"))
    try:
        owned_by_root.chmod(0o755)  # everyone may read and enter, only root may write
        targets = [owned_by_root / "gradebook.csv", owned_by_root / "compare.py"]
        for target in targets:
            target.write_text("untouched\n")
            target.chmod(0o644)
        submission = submission_with(tmp_path / "sub", {})
        (submission / "ex03_gradient_step.py").write_text(TAMPERING.format(targets=[str(t) for t in targets]))
        done = subprocess.run([sys.executable, "-m", "grader", "exercise", "3", "--submission", str(submission), "--json"],
                              capture_output=True, text=True, cwd=ROOT, timeout=300,
                              env=dict(os.environ, GDKIT_SANDBOX="off"))
        result = json.loads(done.stdout)
        output = result["exercises"][0]["output"]
        (line,) = {line for line in output.splitlines() if line.startswith("uid ")}  # every process of the sandbox
        _, uid, _, gid, _, groups = line.split(" ", 5)
        assert int(uid) == int(gid) >= nobody.SANDBOX_IDS_BASE and groups == "[]"  # an id of the sandbox's own
        assert "NoNewPrivs:\\t1" in output
        assert "changed" not in output
        assert all(target.read_text() == "untouched\n" for target in targets)
        assert result["score"] == result["max_score"]  # and its honest answers keep their points
    finally:
        shutil.rmtree(owned_by_root, ignore_errors=True)


def test_not_root_student_code_runs_as_the_grading_user(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert nobody.can_drop_privileges.__wrapped__(isolation.packages_folder(), str(isolation.SANDBOX_DIR / "worker.py")) is False


@pytest.mark.parametrize(("euid", "drops", "note"), [
    (0, False, isolation.SandboxFallbackAsRoot),
    (0, True, isolation.SandboxFallback),
    (1000, False, isolation.SandboxFallback),
])
def test_the_note_says_when_student_code_runs_as_root(monkeypatch: pytest.MonkeyPatch, euid, drops, note):
    monkeypatch.setattr(isolation, "_BWRAP_FAILED", False)
    monkeypatch.setattr(os, "geteuid", lambda: euid)
    monkeypatch.setattr(isolation, "_can_drop_privileges", lambda: drops)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        isolation._fall_back()
    assert [w.category for w in caught] == [note]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_root_note_is_one_line_in_the_users_language(lang: str):
    from grader.i18n import translate

    text = translate("sandbox.fallback_as_root", lang)
    assert "root" in text and "bubblewrap" in text and "\n" not in text
    assert text != translate("sandbox.fallback", lang)


READS_THE_ZYGOTE = '''
import os


def gradient_step(v, gradient, step_size):
    for mode, name in ((os.O_RDWR, "write"), (os.O_RDONLY, "read")):
        try:
            os.close(os.open(f"/proc/{os.getppid()}/mem", mode))
            print("could", name, "the zygote's memory")
        except OSError:
            pass
    return [a + step_size * b for a, b in zip(v, gradient)]
'''


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.geteuid() == 0 and not RUNS_AS_NOBODY),
                    reason="Linux's /proc, and student code not running as root")
def test_in_the_fallback_student_code_cannot_write_the_zygote_s_memory(tmp_path: Path):
    """The zygote serves submission after submission (a batch worker's warm sandbox): in the
    fallback too, a student's code (same uid: nobody's, or the grading user's) must not write
    its memory through /proc/<pid>/mem (or trace it) to change what the next students' code
    does or answers. It was dumpable outside namespaces."""
    submission = submission_with(tmp_path / "sub", {})
    (submission / "ex03_gradient_step.py").write_text(READS_THE_ZYGOTE)
    done = subprocess.run([sys.executable, "-m", "grader", "exercise", "3", "--submission", str(submission), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, env=dict(os.environ, GDKIT_SANDBOX="off"))
    result = json.loads(done.stdout)
    assert "the zygote's memory" not in result["exercises"][0]["output"]
    assert result["score"] == result["max_score"]


REPLACES_ITS_HOME = '''
import os


def gradient_step(v, gradient, step_size):
    home = os.environ["HOME"]
    try:
        os.rename(home, home + "-moved")
        os.symlink("/nonexistent-gdkit", home)
    except OSError:
        pass
    return [a + step_size * b for a, b in zip(v, gradient)]
'''


@pytest.mark.skipif(not RUNS_AS_NOBODY, reason="needs root and a Python runtime the user nobody can read (not under /root)")
def test_a_student_who_replaces_its_home_does_not_break_the_next_students(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The scratch folder (HOME, TMPDIR) sat in the system's /tmp, where nobody may rename its
    own folder and put a symlink in its place: the next staging could not make it again
    (FileExistsError), and every later student of that batch worker was a grader failure."""
    from contextlib import ExitStack

    from grader import curriculum
    from grader.grading import grade_prepared_many
    from grader.sandbox.client import Limits, Sandbox
    from grader.submission import prepared

    monkeypatch.setenv("GDKIT_SANDBOX", "off")
    (tmp_path / "replaces.py").write_text(REPLACES_ITS_HOME)
    folders = [submission_with(tmp_path / "first", {3: tmp_path / "replaces.py"}), submission_with(tmp_path / "next", {})]
    sandbox = Sandbox(None, Limits())
    try:
        with ExitStack() as stack:
            roots = [stack.enter_context(prepared(folder)) for folder in folders]
            reports = [r.to_dict() for r in grade_prepared_many(roots, [curriculum.exercise(3)], 7, "en", sandbox)]
        assert not Path(str(sandbox.scratch) + "-moved").exists()
    finally:
        sandbox.close()
    assert [r["score"] for r in reports] == [r["max_score"] for r in reports]


LOOKS_AT_ITS_NEIGHBOUR = '''
import os

INBOX, HOME = {inbox!r}, {home!r}  # found by listing /tmp: gdkit-<pid>-<token>-inbox-…, …-scratch-…/home


def gradient_step(v, gradient, step_size):
    try:
        if "NEIGHBOUR-MARKER" in open(os.path.join(INBOX, "exercises", "ex03_gradient_step.py")).read():
            print("read the neighbour's copy")
    except OSError:
        pass
    try:
        open(os.path.join(HOME, "planted"), "w").close()
        print("wrote into the neighbour's HOME")
    except OSError:
        pass
    return [a + step_size * b for a, b in zip(v, gradient)]
'''


@pytest.mark.skipif(not RUNS_AS_NOBODY, reason="needs root and a Python runtime the user nobody can read (not under /root)")
def test_student_code_cannot_read_or_write_the_sandbox_graded_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A batch with several workers in the fallback grades students side by side: one student's
    code must not read the other's staged copy (to return its answers) nor write its HOME."""
    from contextlib import ExitStack

    from grader import curriculum
    from grader.grading import grade_prepared_many
    from grader.sandbox.client import Limits, Sandbox
    from grader.submission import prepared

    monkeypatch.setenv("GDKIT_SANDBOX", "off")
    (tmp_path / "marked.py").write_text((ROOT / "reference" / "ex03_gradient_step.py").read_text() + "# NEIGHBOUR-MARKER\n")
    neighbour = submission_with(tmp_path / "neighbour", {3: tmp_path / "marked.py"})
    beside, ours = Sandbox(None, Limits()), Sandbox(None, Limits())
    (tmp_path / "looks.py").write_text(LOOKS_AT_ITS_NEIGHBOUR.format(inbox=str(beside.inbox), home=str(beside.scratch)))
    looking = submission_with(tmp_path / "looking", {3: tmp_path / "looks.py"})
    try:
        with ExitStack() as stack:
            beside.stage(stack.enter_context(prepared(neighbour)))
            beside.start()  # graded at the same time in another batch worker
            (report,) = grade_prepared_many([stack.enter_context(prepared(looking))], [curriculum.exercise(3)], 7, "en", ours)
    finally:
        beside.close()
        ours.close()
    output = report.to_dict()["exercises"][0]["output"]
    assert "neighbour" not in output


LEAVES_A_DAEMON = """
import ctypes, os, subprocess, sys

def gradient_step(v, gradient, step_size):
    if not os.path.exists("/tmp/gdkit-left-behind-{marker}"):
        open("/tmp/gdkit-left-behind-{marker}", "w").write("answers")
        ctypes.CDLL(None).shmget(0, 4096, 0o1600)  # IPC_PRIVATE, IPC_CREAT | 0600: a System V segment
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "{marker}"], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [a + step_size * b for a, b in zip(v, gradient)]
"""


@pytest.mark.skipif(not RUNS_AS_NOBODY, reason="needs root and a Python runtime the user nobody can read (not under /root)")
def test_nothing_of_a_submission_outlives_it_in_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A daemon that left the process groups (setsid), a file in /tmp and a System V segment:
    before the sandbox stages the next student, every process of its id is killed and what it
    left there removed."""
    import uuid
    from contextlib import ExitStack

    from grader import curriculum
    from grader.grading import grade_prepared_many
    from grader.sandbox.client import Limits, Sandbox
    from grader.submission import prepared

    monkeypatch.setenv("GDKIT_SANDBOX", "off")
    marker = f"gdkit-daemon-{uuid.uuid4().hex}"
    (tmp_path / "daemon.py").write_text(LEAVES_A_DAEMON.replace("{marker}", marker))
    folders = [submission_with(tmp_path / "first", {3: tmp_path / "daemon.py"}), submission_with(tmp_path / "next", {})]
    sandbox = Sandbox(None, Limits())
    try:
        with ExitStack() as stack:
            roots = [stack.enter_context(prepared(folder)) for folder in folders]
            reports = [r.to_dict() for r in grade_prepared_many(roots, [curriculum.exercise(3)], 7, "en", sandbox)]
        running = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        assert marker not in running and not Path(f"/tmp/gdkit-left-behind-{marker}").exists()
        (uid, _) = sandbox.user
        segments = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
        assert not [row for row in segments if row.split()[7] == str(uid)]
    finally:
        sandbox.close()
        Path(f"/tmp/gdkit-left-behind-{marker}").unlink(missing_ok=True)
    assert [r["score"] for r in reports] == [r["max_score"] for r in reports]
