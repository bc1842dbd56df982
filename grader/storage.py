"""The user's data folder and atomic writes: what the kit keeps survives a kill mid-write."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Mapping

DATA_DIR_VARIABLE = "GRADE_DATA_DIR"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """GRADE_DATA_DIR if set (tests, shared machines), else the platform's user data folder."""
    env = os.environ if environ is None else environ
    if env.get(DATA_DIR_VARIABLE):
        return Path(env[DATA_DIR_VARIABLE])
    import platformdirs

    return Path(platformdirs.user_data_dir("gdkit", appauthor=False))


def atomic_write_bytes(path: Path, data: bytes, prefix: str = ".", durable: bool = True) -> None:
    """Write through a temporary file in the same folder, fsync, then os.replace: a reader
    sees the old file or the new one, never half of one. `durable=False` skips the fsync, for
    files rebuilt from a record that is itself durable: a process killed at any point still
    leaves the old file or the new one, and only a crash of the whole machine can leave one
    empty, for the next run to rewrite."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f"{prefix}{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # mkstemp's 0600 would stay with the file after the rename
            os.fchmod(fd, _mode_of(path))
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int:
    """The mode a plain open(path, "w") would leave: an existing file's own, else 0o666
    without the umask's bits."""
    import stat

    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc), else by
    setting it and setting it back."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_json(path: Path, data: object) -> None:
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


TEMPORARY_PREFIX = "gdkit-"


_PROCESS_TOKEN: tuple[int, str] = (0, "")


def temporary_prefix(kind: str = "") -> str:
    """The name our temporary folders start with: gdkit-<pid>-<token>-<kind>. The pid tells
    a folder a killed process left behind; the token, drawn once per process (again after a
    fork), tells this process's own from those of a process with the same pid in another PID
    namespace sharing the temporary folder (containers, CI runners)."""
    global _PROCESS_TOKEN
    if _PROCESS_TOKEN[0] != os.getpid():
        import secrets

        _PROCESS_TOKEN = (os.getpid(), secrets.token_hex(4))
    return f"{TEMPORARY_PREFIX}{os.getpid()}-{_PROCESS_TOKEN[1]}-{kind}"


def remove_own_temporary_folders() -> None:
    """Remove every temporary folder this process made (gdkit-<this pid>-<its token>-…),
    whatever it holds; another process's, even with the same pid, is not matched."""
    import shutil

    for path in Path(tempfile.gettempdir()).glob(temporary_prefix() + "*"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def remove_stale_temporary_folders(untouched_for: float = 600.0) -> int:
    """Remove the gdkit-<pid>-… folders of processes that no longer run (a batch killed with
    SIGKILL leaves copies of the submissions it was grading) and that nothing changed for
    `untouched_for` seconds (a /tmp shared with another PID namespace, where the pid means
    another process, is left alone while in use); return how many."""
    import shutil
    import time

    removed, now = 0, time.time()
    root = Path(tempfile.gettempdir())
    for path in root.glob(f"{TEMPORARY_PREFIX}*-*"):
        pid = path.name[len(TEMPORARY_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or not path.is_dir() or path.is_symlink():
            continue
        info = path.stat()
        if info.st_uid != os.getuid() or now - info.st_mtime < untouched_for:
            continue
        try:
            os.kill(int(pid), 0)
            continue  # still running (or the number was reused: left alone)
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed += 1
    return removed
