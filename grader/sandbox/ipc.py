"""Removing System V IPC objects (shared memory, message queues, semaphore sets), listed in
/proc/sysvipc (Linux; elsewhere nothing happens). Imported by the worker as a top-level module
(it empties its IPC namespace between submissions) and by the grader (the fallback removes what
a sandbox's user id left): no grader imports here."""

from __future__ import annotations

import ctypes

IPC_RMID = 0


def remove_ipc_objects(owner: int | None = None) -> None:
    """IPC_RMID on every object in /proc/sysvipc, or only those the user `owner` owns or created."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return
    removers = {"shm": lambda i: libc.shmctl(i, IPC_RMID, None), "msg": lambda i: libc.msgctl(i, IPC_RMID, None),
                "sem": lambda i: libc.semctl(i, 0, IPC_RMID)}
    for kind, remove in removers.items():
        try:
            with open(f"/proc/sysvipc/{kind}") as table:
                header, *rows = table.read().splitlines()
        except (OSError, ValueError):
            continue
        columns = header.split()
        owners = [columns.index(name) for name in ("uid", "cuid") if name in columns]
        for row in rows:
            fields = row.split()  # the second column is the object's id
            if len(fields) != len(columns) or not fields[1].isdigit():
                continue
            if owner is None or any(fields[i] == str(owner) for i in owners):
                remove(int(fields[1]))
