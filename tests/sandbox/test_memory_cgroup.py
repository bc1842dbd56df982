"""The sandbox's memory cgroup (grader/sandbox/cgroup.py): the memory of all of a sandbox's
processes together, and the kernel's for their files, is bounded; the attack costs only its
exercise, and the next exercise runs in full."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from grader import curriculum
from grader.grading import grade_submission
from grader.i18n import translate
from grader.sandbox import cgroup
from grader.sandbox.isolation import Limits, namespaces_available

from ..conftest import HOSTILE, submission_with

MiB = 1 << 20
needs_cgroup = pytest.mark.skipif(not cgroup.available(), reason="no memory cgroup can be made here (not root, or no delegation)")

PROC_CGROUP_V1 = "4:memory:/process_api/abc\n0::/\n"
PROC_CGROUP_V2 = "0::/user.slice/grader.scope\n"
MOUNTS = ("33 31 0:30 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
          "40 31 0:40 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n")


def test_the_cgroup_is_found_under_the_process_s_own():
    assert cgroup.candidate_parents(PROC_CGROUP_V1, MOUNTS) == [
        (Path("/sys/fs/cgroup/memory/process_api/abc"), 1), (Path("/sys/fs/cgroup/unified"), 2)]
    assert cgroup.candidate_parents(PROC_CGROUP_V2, MOUNTS.splitlines()[1]) == [
        (Path("/sys/fs/cgroup/unified/user.slice/grader.scope"), 2)]
    # A mount of another cgroup's subtree (a container's view) that ours is not under: none.
    other = "33 31 0:30 /docker/xyz /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
    assert cgroup.candidate_parents(PROC_CGROUP_V1, other) == []
    inside = "33 31 0:30 /process_api /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
    assert cgroup.candidate_parents(PROC_CGROUP_V1, inside) == [(Path("/sys/fs/cgroup/memory/abc"), 1)]


def graded_with_peak(tmp_path: Path, hostile: str, limit: int, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """ex03 replaced by `hostile`, ex03 and ex04 graded with the sandbox's memory bounded by
    `limit`: the report and the most memory the sandbox held."""
    peaks = []
    remove = cgroup.MemoryCgroup.remove

    def noting_peak(self, wait: float = 2.0) -> bool:
        peaks.append(self.peak_bytes())
        return remove(self, wait)

    monkeypatch.setattr(cgroup.MemoryCgroup, "remove", noting_peak)
    submission = submission_with(tmp_path / "sub", {3: HOSTILE / f"{hostile}.py"})
    report = grade_submission(submission, curriculum.select("3-4"), limits=Limits(sandbox_memory_bytes=limit))
    assert len(peaks) == 1 and peaks[0] is not None
    return report, peaks[0]


@needs_cgroup
def test_children_that_each_stay_under_their_own_limit_are_bounded_together(tmp_path, monkeypatch):
    """Four children of 300 MB each: under a 3 GiB bound they all live (the attack is real), under
    768 MiB the kernel stops them, ex03 scores 0 and ex04 keeps full marks."""
    report, peak = graded_with_peak(tmp_path, "ex03_forks_memory_hogs", 3 << 30, monkeypatch)
    assert "HOARDED" in report.exercises[0].output and peak > 1100 * MiB

    report, peak = graded_with_peak(tmp_path / "bounded", "ex03_forks_memory_hogs", 768 * MiB, monkeypatch)
    ex03, ex04 = report.exercises
    assert "STOPPED" in ex03.output and ex03.score == 0
    assert ex04.score == ex04.max_score
    assert peak <= 768 * MiB


@needs_cgroup
@pytest.mark.skipif(not namespaces_available(), reason="bubblewrap namespaces (a private /tmp) unavailable here")
def test_files_that_take_no_bytes_still_count(tmp_path, monkeypatch):
    """Empty folders in /tmp: no bytes of its size, a kilobyte each of the kernel's memory. Under
    a 256 MiB bound the exercise is stopped, and its folders are gone before the next one runs."""
    report, peak = graded_with_peak(tmp_path, "ex03_fills_inodes", 256 * MiB, monkeypatch)
    ex03, ex04 = report.exercises
    assert ex03.score == 0 and "MADE" not in ex03.output
    # The student is told why: memory, the sandbox's, not an exit or a signal of their own.
    said = translate("result.out_of_memory", "en", gib="0.25") + " " + translate("diagnosis.worker_crashed_memory", "en")
    assert ex03.tests[0].message == said and ex03.tests[0].diagnosis == "worker_crashed", ex03.tests[0].message
    assert ex04.score == ex04.max_score
    assert peak <= 256 * MiB


@needs_cgroup
@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv")
def test_the_fallback_s_user_may_join_and_nothing_more():
    """Without namespaces, student code runs as a user of the sandbox's own and sees /sys: it may
    put itself in its cgroup, but neither raise the limit nor move to the cgroup above."""
    made = cgroup.MemoryCgroup.make(256 * MiB)
    made.let_join(65534)
    try:
        done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c",
                               f"echo 0 > {made.path}/cgroup.procs && grep -c {made.path.name} /proc/self/cgroup; "
                               f"echo {1 << 40} > {made.path}/memory.limit_in_bytes || echo LIMIT-REFUSED; "
                               f"echo {1 << 40} > {made.path}/memory.max || echo MAX-REFUSED; "
                               f"echo 0 > {made.path.parent}/cgroup.procs || echo LEAVING-REFUSED"],
                              capture_output=True, text=True, timeout=30)
        assert done.stdout.split() == ["1", "LIMIT-REFUSED", "MAX-REFUSED", "LEAVING-REFUSED"], done.stderr
    finally:
        assert made.remove()
