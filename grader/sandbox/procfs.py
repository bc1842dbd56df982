"""The processes of the machine as Linux's /proc lists them. Imported by the worker as a
top-level module (it counts its user's threads) and by the grader (the fallback finds and kills
what a sandbox's user id started): no grader imports here."""

from __future__ import annotations

import os
from typing import Iterator


def statuses() -> Iterator[tuple[int, dict[str, str]]]:
    """(pid, the fields of /proc/<pid>/status) of every process; nothing where there is no /proc."""
    try:
        entries = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return
    for entry in entries:
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue  # ended meanwhile
        yield int(entry), fields


def has_proc() -> bool:
    """Whether there is a /proc to list processes from (Linux)."""
    return os.path.isdir("/proc")


def alive(pid: int) -> bool:
    """Whether a process `pid` exists (one of another user's too: signal 0 is refused, not sent)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
