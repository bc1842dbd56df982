"""Who student code runs as in the fallback (no namespaces), and the folders it may use.

With bubblewrap, student code runs as `nobody` in its own namespaces. Without them it used to
run as the grading user: as root (a container without user namespaces, a CI runner) it could
rewrite the grader's own files, the gradebook, other students' copies, and signal any process.
So in the fallback, when the grader runs as root, the zygote drops to `nobody` (no groups, no
new privileges) before it starts: it reads what everyone may read and writes only its private
scratch folder and the system's /tmp. That needs a runtime `nobody` can run (an interpreter
and numpy outside /root, say): a probe run checks it once per process, and where it cannot,
student code stays the grading user's (docs/security.md says what that leaves open).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable

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
def fallback_user(packages: str, worker: str) -> tuple[int, int] | None:
    """The (uid, gid) student code runs as in the fallback: nobody's when the grader runs as
    root and nobody can import numpy from `packages` and read the zygote's code `worker`
    (a probe run, ~0.1 s, once per process); None otherwise (the grading user's own)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    uid, gid = nobody_ids()
    try:
        probe = subprocess.run([sys.executable, "-I", "-S", "-c", PROBE, packages, worker], cwd="/",
                               env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, user=uid, group=gid,
                               extra_groups=[], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return (uid, gid) if probe.returncode == 0 else None


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


def open_for_reading(folder: Path) -> None:
    """Let other users read `folder` and everything in it, and change nothing: student code
    running as nobody reads its staged submission, and cannot write it."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def fresh_scratch(folder: Path, owner: tuple[int, int] | None) -> None:
    """Empty `folder` (HOME and TMPDIR of student code in the fallback), owned by `owner`."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    if owner is not None:
        os.chown(folder, *owner)
