"""`kill -9` of `grade batch`: nothing it started stays behind (pool workers, the forkserver,
the resource tracker, the sandboxes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import HOSTILE, submission_with

MARKER = "GDKIT_TEST_KILL_MARKER"


def _processes() -> dict[int, tuple[int, str, bytes, str]]:
    """pid: (parent pid, state, environment, command line) of this user's processes."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            environ = (entry / "environ").read_bytes()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        found[int(entry.name)] = (int(fields[1]), fields[0], environ, cmdline)
    return found


def _tree(marker: str) -> dict[int, str]:
    """The processes holding `marker` in their environment, and all their descendants."""
    processes = _processes()
    tree = {pid for pid, (_, _, environ, _) in processes.items() if marker.encode() in environ}
    grew = True
    while grew:
        children = {pid for pid, (parent, _, _, _) in processes.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    return {pid: processes[pid][3] for pid in tree if processes[pid][1] != "Z"}


def _alive(pids: dict[int, str]) -> dict[int, str]:
    now = _processes()
    return {pid: cmd for pid, cmd in pids.items() if pid in now and now[pid][1] != "Z" and now[pid][3] == cmd}


def _kill_all(marker: str) -> None:
    """Whatever of the test's batch is still alive (a failed test must not leave it running)."""
    for pid in _alive(_tree(marker)):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_batch_killed_with_sigkill_leaves_no_process_behind(tmp_path: Path):
    submissions = tmp_path / "submissions"
    for name in ("ann", "ben", "cat", "dan", "eli", "fay"):
        submission_with(submissions / name, {3: HOSTILE / "ex03_infinite_loop.py"})
    marker = uuid.uuid4().hex
    batch = subprocess.Popen([sys.executable, "-m", "grader", "batch", str(submissions), "--out", str(tmp_path / "out"),
                              "--workers", "2", "--exercises", "1-4", "--timeout", "20", "--lang", "en"],
                             env={**os.environ, MARKER: marker}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until student code runs in the workers' sandboxes
            tree = _tree(marker)
            if sum("worker.py" in cmd for cmd in tree.values()) >= 2:
                break
            assert batch.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.2)
        else:
            pytest.fail("no sandbox was started")
        time.sleep(1.0)
        tree = _tree(marker)
        assert len(tree) >= 5  # the batch, the forkserver, two workers, their sandboxes
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait()
        deadline = time.monotonic() + 15
        while _alive(tree) and time.monotonic() < deadline:
            time.sleep(0.25)
        assert _alive(tree) == {}
    finally:
        _kill_all(marker)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_of_a_batch_leaves_no_copy_of_a_submission_behind(tmp_path: Path):
    """Ctrl-C reaches the whole foreground group (the batch, the forkserver, the workers): the
    batch stops its pool, and each worker removes its copies of the submissions and its
    sandbox's folder before it ends (killed outright, they stayed in the temporary folder)."""
    submissions = tmp_path / "submissions"
    for name in ("ann", "ben", "cat", "dan", "eli", "fay"):
        submission_with(submissions / name, {3: HOSTILE / "ex03_infinite_loop.py"})
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    marker = uuid.uuid4().hex
    batch = subprocess.Popen([sys.executable, "-m", "grader", "batch", str(submissions), "--out", str(tmp_path / "out"),
                              "--workers", "2", "--exercises", "1-4", "--timeout", "20", "--lang", "en"],
                             env={**os.environ, MARKER: marker, "TMPDIR": str(private_tmp)}, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while len(list(private_tmp.glob("gdkit-*-batch-*"))) < 2:  # both workers grade a chunk (of infinite loops)
            assert batch.poll() is None and time.monotonic() < deadline, "no chunk was being graded"
            time.sleep(0.2)
        time.sleep(1.0)
        assert len(list(private_tmp.glob("gdkit-*-inbox-*"))) == 2  # and their sandboxes' folders
        os.killpg(batch.pid, signal.SIGINT)
        _, errors = batch.communicate(timeout=60)
        assert batch.returncode == 130 and b"Traceback" not in errors, errors.decode(errors="replace")
        assert [p.name for p in private_tmp.glob("gdkit-*")] == []
    finally:
        _kill_all(marker)


def test_a_pool_stopped_by_ctrl_c_wakes_quietly_at_exit():
    """CPython 3.11 wakes a pool's manager thread at exit through a pipe the thread may be
    closing meanwhile (a loaded machine): "Exception ignored in threading … Bad file
    descriptor" after the batch's message. After stop_now that wake-up says nothing."""
    import concurrent.futures as cf

    from grader.batch.runner import stop_now

    pool = cf.ProcessPoolExecutor(1)
    pool.submit(abs, -1).result(timeout=60)
    wakeup = pool._executor_manager_thread_wakeup
    stop_now(pool)
    wakeup._closed = False  # as if the manager were between its check and its close
    wakeup._writer.close()
    wakeup.wakeup()  # OSError before
