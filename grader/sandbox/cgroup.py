"""A memory cgroup per sandbox: one bound on the memory of all its processes together, and on
what the kernel holds for them (their tmpfs files and those files' inodes).

RLIMIT_AS bounds each process alone: a sandbox may run hundreds, and each may fill its own
2 GiB; a loop making empty folders in the private /tmp grows the kernel's memory without any
limit of the process seeing it. A cgroup counts all of it, and past its limit the kernel's OOM
killer ends the largest process inside (the student's, not the grader's, which runs outside).

Made where the grader may make one, under its own cgroup: in cgroup v1's memory hierarchy (as
root), or in cgroup v2 where the grader's cgroup already gives its children the memory controller
(the hierarchy's root, as root). Elsewhere there is none, and the per-process limits remain
(docs/security.md): macOS, a user without root, and systemd's v2 hierarchy, where a grader in a
session's scope shares it with other processes and v2 lets no cgroup that holds processes give
its children a controller (the grader does not move processes to make it so).
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path
from typing import Callable

from .procfs import alive

PREFIX = "gdkit-"
_SERIAL = itertools.count()


def _own_cgroups(proc_cgroup: str, controller: str) -> dict[str, str]:
    """/proc/self/cgroup as {hierarchy: path}: `controller` for v1's hierarchy of that
    controller, "" for v2."""
    found = {}
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, path = parts
        if controller in controllers.split(","):
            found[controller] = path
        elif parts[0] == "0" and controllers == "":
            found[""] = path
    return found


def _mounts(mountinfo: str, controller: str) -> dict[str, tuple[str, str]]:
    """Where the hierarchies of _own_cgroups are mounted: {hierarchy: (mount point, the
    cgroup path that is its root)}, from /proc/self/mountinfo."""
    found: dict[str, tuple[str, str]] = {}
    for line in mountinfo.splitlines():
        fields, _, rest = line.partition(" - ")
        fields, rest = fields.split(), rest.split()
        if len(fields) < 5 or len(rest) < 3:
            continue
        kind, options = rest[0], rest[2].split(",")
        if kind == "cgroup" and controller in options:
            found.setdefault(controller, (fields[4], fields[3]))
        elif kind == "cgroup2":
            found.setdefault("", (fields[4], fields[3]))
    return found


def candidate_parents(proc_cgroup: str, mountinfo: str, controller: str = "memory") -> list[tuple[Path, int]]:
    """The folders of this process's own cgroups where a child could use `controller` (a
    memory limit; benchmarks/ counts CPU with cpuacct), v1's first: [(folder, cgroup version)]."""
    own, mounts = _own_cgroups(proc_cgroup, controller), _mounts(mountinfo, controller)
    parents = []
    for hierarchy, version in ((controller, 1), ("", 2)):
        if hierarchy not in own or hierarchy not in mounts:
            continue
        mount_point, mount_root = mounts[hierarchy]
        path = own[hierarchy]
        if mount_root != "/" and not (path + "/").startswith(mount_root.rstrip("/") + "/"):
            continue  # our cgroup is not under what is mounted (another namespace's view)
        relative = path[len(mount_root.rstrip("/")):] if mount_root != "/" else path
        parents.append((Path(mount_point) / relative.lstrip("/"), version))
    return parents


class Cgroup:
    """A cgroup of our own, made under this process's own in the hierarchy of `controller`."""

    def __init__(self, path: Path, version: int):
        self.path, self.version = path, version

    @classmethod
    def new(cls, controller: str, ready: Callable[[Cgroup], None] = lambda made: None) -> Cgroup | None:
        """A new cgroup, set up by `ready` (which raises OSError where the controller does not
        serve it: the next place is tried), or None where none can be made here."""
        try:
            proc_cgroup = Path("/proc/self/cgroup").read_text()
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return None
        for parent, version in candidate_parents(proc_cgroup, mountinfo, controller):
            sweep_stale(parent)
            path = parent / f"{PREFIX}{os.getpid()}-{next(_SERIAL)}"
            try:
                path.mkdir()
            except OSError:
                continue
            made = cls(path, version)
            try:
                ready(made)
            except OSError:  # v2 without the controller here, or a write refused
                made.remove()
                continue
            return made
        return None

    def join(self) -> None:
        """Put the calling process in the cgroup (in a child between fork and exec: all it
        starts afterwards is in it too)."""
        with open(self.path / "cgroup.procs", "w") as procs:
            procs.write("0")

    def remove(self, wait: float = 2.0) -> bool:
        """Remove the cgroup once its processes are gone (killed just before: they may take a
        moment to exit). False if some are still there after `wait` seconds (a later sweep_stale
        removes it)."""
        deadline = time.monotonic() + wait
        while True:
            try:
                self.path.rmdir()
                return True
            except FileNotFoundError:
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.02)


class MemoryCgroup(Cgroup):
    """A cgroup of our own, its memory (swap included) limited to `limit_bytes`."""

    @classmethod
    def make(cls, limit_bytes: int) -> MemoryCgroup | None:
        """A new memory cgroup, or None where none can be made here."""
        return cls.new("memory", lambda made: made._limit(limit_bytes))

    def _limit(self, limit_bytes: int) -> None:
        if self.version == 1:
            (self.path / "memory.limit_in_bytes").write_text(str(limit_bytes))
            swap = self.path / "memory.memsw.limit_in_bytes"  # memory and swap together: no swap
            if swap.exists():
                swap.write_text(str(limit_bytes))
        else:
            (self.path / "memory.max").write_text(str(limit_bytes))
            swap = self.path / "memory.swap.max"
            if swap.exists():
                swap.write_text("0")

    def let_join(self, uid: int) -> None:
        """Let the fallback's user (nobody.py) put itself in, and nothing more: the limits stay
        the grader's to write, and no other cgroup takes that user's processes."""
        os.chown(self.path / "cgroup.procs", uid, -1)

    def oom_kills(self) -> int:
        """How many processes the kernel has stopped in the cgroup for want of memory."""
        name = "memory.oom_control" if self.version == 1 else "memory.events"
        try:
            fields = dict(line.split() for line in (self.path / name).read_text().splitlines() if len(line.split()) == 2)
            return int(fields.get("oom_kill", 0))
        except (OSError, ValueError):
            return 0

    def peak_bytes(self) -> int | None:
        """The most memory the cgroup has held so far (None where the kernel does not say)."""
        name = "memory.max_usage_in_bytes" if self.version == 1 else "memory.peak"
        try:
            return int((self.path / name).read_text())
        except (OSError, ValueError):
            return None


def sweep_stale(parent: Path) -> None:
    """Remove the empty cgroups that graders killed before they could (SIGKILL) left in
    `parent`: those named after a process that is no longer alive."""
    try:
        entries = list(parent.iterdir())
    except OSError:
        return
    for entry in entries:
        owner = entry.name[len(PREFIX):].split("-")[0] if entry.name.startswith(PREFIX) else ""
        if owner.isdigit() and not alive(int(owner)):
            try:
                entry.rmdir()
            except OSError:
                pass  # still holding processes, or not ours to remove


def available(limit_bytes: int = 1 << 30) -> bool:
    """Whether a sandbox made here gets a memory cgroup (one is made and removed)."""
    made = MemoryCgroup.make(limit_bytes)
    return made is not None and made.remove()
