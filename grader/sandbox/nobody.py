"""Who student code runs as in the fallback (no namespaces), and the folders it may use.

With bubblewrap, student code runs as `nobody` in its own namespaces. Without them it used to
run as the grading user: as root (a container without user namespaces, a CI runner) it could
rewrite the grader's own files, the gradebook, other students' copies, and signal any process.
So in the fallback, when the grader runs as root, each sandbox's zygote drops, before it starts,
to a user and group id of its own (no name, no groups, no new privileges): it reads what
everyone may read and its own staged submission, writes only its private scratch folder and
the shared temporary folders, and cannot see, signal or write another sandbox's (a batch grades
students side by side, each in its own sandbox). Between submissions the grader (root) kills
every process of that id, escaped daemons included, and removes its files from the shared
temporary folders. That needs a runtime other users can run (an interpreter and numpy outside
/root, say): a probe run as `nobody` checks it once per process; where it fails, student code
stays the grading user's (docs/security.md says what that leaves open).
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from . import procfs
from .ipc import remove_ipc_objects

NOBODY_IDS = (65534, 65534)  # Debian's nobody and nogroup, where the user database says nothing
PR_SET_NO_NEW_PRIVS = 38
PROBE = "import sys; sys.path.insert(0, sys.argv[1]); import numpy; open(sys.argv[2], 'rb').close()"


def nobody_ids() -> tuple[int, int]:
    """(uid, gid) of the user `nobody`."""
    try:
        import pwd

        entry = pwd.getpwnam("nobody")
        return entry.pw_uid, entry.pw_gid
    except (ImportError, KeyError):
        return NOBODY_IDS


@lru_cache(maxsize=None)
def can_drop_privileges(packages: str, worker: str) -> bool:
    """Whether student code can run as another user in the fallback: the grader runs as root,
    and other users (probed as nobody) can import numpy from `packages` and read the zygote's
    code `worker` (a probe run, ~0.1 s, once per process). Otherwise it runs as the grader's user."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    uid, gid = nobody_ids()
    try:
        probe = subprocess.run([sys.executable, "-I", "-S", "-c", PROBE, packages, worker], cwd="/",
                               env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, user=uid, group=gid,
                               extra_groups=[], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


@lru_cache(maxsize=None)
def prctl_function() -> Callable[..., int] | None:
    """libc's prctl (Linux), looked up here in the grader's process: the child between fork
    and exec only calls it (no dlopen there); None where there is none (macOS)."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def forbid_new_privileges(prctl: Callable[..., int] | None) -> None:
    """prctl(PR_SET_NO_NEW_PRIVS, 1): no set-uid program run by student code gains anything.
    Runs in the child between fork and exec."""
    if prctl is not None:
        prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


SANDBOX_IDS_BASE = 2_000_000_000  # unnamed ids, far above people's and services' (and below 2**31)
SHARED_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm")  # where any user may leave files
_SANDBOXES = itertools.count()


def sandbox_ids() -> tuple[int, int]:
    """A user and group id of its own for a new sandbox of this process, unique on this machine
    among the live graders (made from the process id)."""
    uid = SANDBOX_IDS_BASE + (os.getpid() % 2**20) * 64 + next(_SANDBOXES) % 64
    return uid, uid


def readable_by_group(folder: Path, gid: int) -> None:
    """`folder` and everything in it owned by root and the group `gid`, which may read and not
    change it (folders 0750, files 0640): a sandbox's own staged submission, hidden from the
    others."""
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            os.chown(path, 0, gid)
            path.chmod(0o750 if path.is_dir() else 0o640)


def kill_processes_of(uid: int, keep: Iterable[int] = ()) -> None:
    """SIGKILL every process whose real or effective user is `uid` (but `keep`), until none is
    left: what a sandbox started, daemons that left its process groups included (Linux /proc)."""
    keep = set(keep)
    for _ in range(10):  # a process may fork while the others are killed
        found = [pid for pid in processes_of(uid) if pid not in keep]
        if not found:
            return
        for pid in found:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def processes_of(uid: int) -> list[int]:
    """The processes whose real or effective user is `uid`."""
    return [pid for pid, fields in procfs.statuses() if str(uid) in fields.get("Uid", "").split()[:2]]


def clear_user(uid: int, keep: Iterable[int] = ()) -> None:
    """Everything the user `uid` left: its processes killed (but `keep`), its files at the top of
    the shared temporary folders and its System V IPC objects removed."""
    kill_processes_of(uid, keep)
    remove_files_of(uid)
    remove_ipc_objects(owner=uid)


def remove_files_of(uid: int, folders: Iterable[str] = SHARED_WRITABLE) -> None:
    """Remove what the user `uid` left at the top of the shared temporary folders."""
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.stat(follow_symlinks=False).st_uid != uid:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass


def fresh_scratch(folder: Path, owner: tuple[int, int] | None) -> None:
    """Empty `folder` (HOME and TMPDIR of student code in the fallback), owned by `owner`."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    if owner is not None:
        os.chown(folder, *owner)
