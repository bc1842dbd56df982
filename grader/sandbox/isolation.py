"""The sandbox: a zygote process (worker.py) that forks a child per exercise.

On Linux with bubblewrap (`bwrap`, Debian's `bubblewrap`) the zygote runs in fresh
namespaces: no network, its own PID namespace (everything dies with it), the system and the
Python runtime read-only, only this folder and the submission's private copy (read-only)
visible, a private /tmp, uid `nobody`, no capabilities, no_new_privs (bwrap's default).
Elsewhere (no bwrap, or namespaces refused) it falls back to resource limits and process
groups (as an unprivileged id of its own when the grader is root: nobody.py), says so once,
and the grader still decides everything from plain data, with its own timeouts. Resource
limits apply in both cases.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Callable

from ..storage import temporary_prefix
from .cgroup import MemoryCgroup
from .nobody import (can_drop_privileges, clear_user, forbid_new_privileges, fresh_scratch, kill_processes_of,
                     prctl_function, readable_by_group, sandbox_ids)

SANDBOX_DIR = Path(__file__).resolve().parent
INSIDE_CODE = "/gdkit-sandbox"
INSIDE_ROOT = "/submission"
PASSED_ENVIRONMENT = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "SYSTEMROOT")


@dataclass(frozen=True)
class Limits:
    """Per-process limits: wall clock per call (s), memory (bytes), CPU (s), files, processes,
    and how much of the student's output is kept (bytes); and the memory of the whole sandbox,
    its processes and the kernel's for them together, where a cgroup can hold it (cgroup.py)."""

    call_timeout: float = 10.0
    memory_bytes: int = 2 * 1024**3
    cpu_seconds: int = 300
    file_bytes: int = 16 * 1024**2
    open_files: int = 256
    processes: int = 256
    output_bytes: int = 64 * 1024
    start_timeout: float = 30.0
    sandbox_memory_bytes: int = 3 * 1024**3


class SandboxUnavailable(Exception):
    """The zygote could not be started or stopped answering."""


class SandboxFallback(RuntimeWarning):
    """Namespaces are not available: student code runs with resource limits and process groups
    only (the grade command shows it as a one-line note in the user's language)."""


class SandboxFallbackAsRoot(SandboxFallback):
    """The fallback, as root, where the user nobody cannot run the runtime: student code runs as
    root (nobody.py)."""


class SandboxBroken(RuntimeError):
    """The sandbox never worked on this machine: the grader's failure, not the student's."""


def _environment(home: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_ENVIRONMENT if name in os.environ}
    env.update(HOME=home, LANG="C.UTF-8", PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0", PATH="/usr/bin:/bin",
               OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return env


def _apply_limits(limits: Limits, prctl: Callable[..., int] | None = None, cgroup: MemoryCgroup | None = None) -> None:
    """Runs in the child between fork and exec (after it became the fallback's user, if any);
    inherited by the zygote and its children. With `prctl` (the fallback), no_new_privs too
    (bwrap sets it itself). The number of processes is capped by the zygote itself (see
    worker.cap_processes). With `cgroup`, the sandbox's memory cgroup is joined first."""
    import resource

    if cgroup is not None:
        try:
            cgroup.join()
        except OSError:
            pass  # the per-process limits below remain
    forbid_new_privileges(prctl)

    for name, value in (("RLIMIT_AS", limits.memory_bytes), ("RLIMIT_CPU", limits.cpu_seconds),
                        ("RLIMIT_FSIZE", limits.file_bytes), ("RLIMIT_NOFILE", limits.open_files),
                        ("RLIMIT_CORE", 0)):
        if hasattr(resource, name):
            try:
                resource.setrlimit(getattr(resource, name), (value, value))
            except (ValueError, OSError):
                pass  # a limit this system refuses (macOS and RLIMIT_AS): the time limits and kills remain


@lru_cache(maxsize=None)
def packages_folder() -> str:
    """The folder that holds numpy (found without importing it, which is slow)."""
    import importlib.util

    return str(Path(importlib.util.find_spec("numpy").origin).resolve().parent.parent)


def runtime_paths() -> list[str]:
    """What the Python runtime needs to be visible: its prefixes and numpy's folder."""
    paths = {sys.prefix, sys.base_prefix, packages_folder()}
    return sorted(p for p in paths if p and Path(p).exists())


def _system_binds() -> list[str]:
    # /etc/fonts: fontconfig's configuration, read when a student imports matplotlib (without
    # it fontconfig prints an error that would show as the student's own output).
    args = ["--ro-bind", "/usr", "/usr", "--ro-bind-try", "/etc/fonts", "/etc/fonts"]
    for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        path = Path(name)
        if path.is_symlink():
            args += ["--symlink", os.readlink(name), name]
        elif path.is_dir():
            args += ["--ro-bind", name, name]
    return args


# What student code may write inside the sandbox, in bytes: its private /tmp and /dev/shm. Each
# is a tmpfs, that is the machine's memory, counted in no limit of the process (RLIMIT_FSIZE is
# per file): unbounded, one call filled 6 GB in a few seconds.
TMP_BYTES = 64 * 1024**2
SHM_BYTES = 16 * 1024**2


@lru_cache(maxsize=None)
def bwrap_sizes_tmpfs() -> bool:
    """Whether this bwrap has --size (0.5 and later): without it the tmpfs are unbounded."""
    try:
        shown = subprocess.run(["bwrap", "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "--size" in shown.stdout + shown.stderr


def _scratch_mounts() -> list[str]:
    """The private /tmp and /dev, each a tmpfs; /dev/shm a small one of its own, and /dev itself
    read-only afterwards (the root too: see bwrap_command), so that only /tmp and /dev/shm take
    a student's files, bounded, and emptied between submissions (worker.wipe_writable)."""
    sized = bwrap_sizes_tmpfs()
    tmp = ["--size", str(TMP_BYTES)] if sized else []
    shm = ["--size", str(SHM_BYTES)] if sized else []
    return [*tmp, "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev", *shm, "--tmpfs", "/dev/shm",
            "--remount-ro", "/dev"]


def bwrap_command(root: Path, control_fd: int, processes: int) -> list[str]:
    """The bubblewrap command line that starts the zygote for the submission at `root`."""
    # The private /tmp comes first: a runtime under /tmp (a venv there) is bound over it.
    args = ["bwrap", *_system_binds(), *_scratch_mounts()]
    for path in runtime_paths():
        args += ["--ro-bind", path, path]
    uid = ["--uid", "65534", "--gid", "65534"]
    # --as-pid-1: the zygote itself is the PID namespace's init. Without it bwrap's own reaper
    # is PID 1, the same uid as student code and dumpable: a child could ptrace it or write its
    # memory through /proc/1/mem, and, spared by every reset, the program it made of it would
    # outlive the submission and kill or watch the next ones in a warm sandbox (and its
    # /proc/1/environ was the grader's environment). The zygote is not dumpable (worker.py).
    # --remount-ro /, last: the root is bwrap's own tmpfs, which student code (its owner inside)
    # could otherwise fill, and where /, /etc and /root kept what one submission wrote for the
    # next of a warm sandbox (ld.so.preload for its programs, say).
    args += ["--ro-bind", str(SANDBOX_DIR), INSIDE_CODE, "--ro-bind", str(root), INSIDE_ROOT, "--remount-ro", "/",
             "--chdir", INSIDE_ROOT, "--unshare-all", "--as-pid-1", *uid, "--cap-drop", "ALL", "--die-with-parent", "--new-session",
             "--clearenv"]
    for key, value in _environment("/tmp").items():
        args += ["--setenv", key, value]
    return [*args, sys.executable, "-I", "-S", f"{INSIDE_CODE}/worker.py", str(control_fd), INSIDE_ROOT, "namespace",
            packages_folder(), str(processes)]


def bwrap_wanted() -> bool:
    """Whether to try bubblewrap: on Linux, found on PATH, not turned off (GDKIT_SANDBOX=off),
    and not already seen failing in this process."""
    return (os.environ.get("GDKIT_SANDBOX") != "off" and sys.platform.startswith("linux")
            and shutil.which("bwrap") is not None and not _BWRAP_FAILED)


_BWRAP_FAILED = False


def _fall_back() -> None:
    """Remember that bwrap does not work here, and say so once."""
    global _BWRAP_FAILED
    if not _BWRAP_FAILED:
        _BWRAP_FAILED = True
        if _student_code_runs_as_root():
            warnings.warn("bubblewrap namespaces are not available here, and student code runs as root (the user "
                          "nobody cannot run this Python and numpy).", SandboxFallbackAsRoot, stacklevel=3)
            return
        warnings.warn("bubblewrap namespaces are not available here: student code runs with resource limits and "
                      "process groups only (install Debian's `bubblewrap` for full isolation).", SandboxFallback, stacklevel=3)


_ROOT_NOTE_SAID = False


def _say_the_fallback() -> None:
    """The fallback's note, once: when bwrap was wanted and fails (_fall_back), or, when the user
    chose the fallback (GDKIT_SANDBOX=off), only if student code would run as root (choosing the
    fallback is not choosing that)."""
    global _ROOT_NOTE_SAID
    if os.environ.get("GDKIT_SANDBOX") != "off":
        _fall_back()
    elif not _ROOT_NOTE_SAID and _student_code_runs_as_root():
        _ROOT_NOTE_SAID = True
        warnings.warn("student code runs as root (the user nobody cannot run this Python and numpy).",
                      SandboxFallbackAsRoot, stacklevel=3)


def _student_code_runs_as_root() -> bool:
    """In the fallback: the grader is root and other users cannot run the runtime (nobody.py)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0 and not _can_drop_privileges()


def _can_drop_privileges() -> bool:
    """Whether student code runs as an id of its own in the fallback (nobody.py)."""
    return can_drop_privileges(packages_folder(), str(SANDBOX_DIR / "worker.py"))


def say_if_falling_back() -> None:
    """Say now, once, if the sandboxes this machine starts will fall back (a batch says it here,
    and its worker processes keep quiet); silent when the user chose it (GDKIT_SANDBOX=off),
    unless student code would run as root."""
    if not namespaces_available():
        _say_the_fallback()


@lru_cache(maxsize=None)
def namespaces_available() -> bool:
    """Whether a bwrap sandbox really starts here (a probe run; used by the tests and docs)."""
    if not bwrap_wanted():
        return False
    probe = subprocess.run(["bwrap", *_system_binds(), "--unshare-all", "--uid", "65534", "--die-with-parent", "/bin/true"],
                           capture_output=True)
    return probe.returncode == 0


def zygote_command(isolated: bool, root: Path, control_fd: int, processes: int) -> list[str]:
    """How to start the zygote: inside bwrap, or (the fallback) as a plain process."""
    if isolated:
        return bwrap_command(root, control_fd, processes)
    return [sys.executable, "-I", "-S", str(SANDBOX_DIR / "worker.py"), str(control_fd), str(root), "plain",
            packages_folder(), str(processes)]


def require_unix() -> None:
    """Student code runs in processes forked from a warm zygote, each handed its sockets over a
    Unix socket: Linux and macOS have both, Windows (outside WSL) has neither."""
    if not hasattr(os, "fork") or not hasattr(socket, "send_fds") or not hasattr(socket, "AF_UNIX"):
        from ..errors import UnsupportedPlatform

        raise UnsupportedPlatform("error.platform")


class Sandbox:
    """A zygote serving one submission at a time; `spawn` gives a fresh process per exercise.

    The sandbox sees one folder of its own (`inbox`, read-only inside) where `stage` copies the
    submission being graded; a batch worker keeps one warm sandbox and stages submission after
    submission, the zygote killing and wiping everything the previous one left (worker.py)."""

    def __init__(self, root: Path | None = None, limits: Limits = Limits()):
        require_unix()
        self.limits = limits
        self.inbox = Path(tempfile.mkdtemp(prefix=temporary_prefix("inbox-"))).resolve()  # the zygote's ROOT
        # The fallback's HOME and TMPDIR (with namespaces, a private /tmp), emptied per submission:
        # a folder inside one of ours that only we may write, so that student code can neither
        # rename it nor put anything in its place (as it could in the system's /tmp).
        self._scratch_parent = Path(tempfile.mkdtemp(prefix=temporary_prefix("scratch-"))).resolve()
        self._scratch_parent.chmod(0o711)  # entered by the fallback's user, not listed, not written
        self.scratch = self._scratch_parent / "home"
        self.user: tuple[int, int] | None = None  # who student code runs as in the fallback, if not us (nobody.py)
        self.isolated = bwrap_wanted()  # no probe: a failing first start falls back (see spawn)
        if not self.isolated:
            _say_the_fallback()
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        # All its processes' memory together, where a cgroup can be made here (cgroup.py); kept
        # across restarts of the zygote.
        self.cgroup = MemoryCgroup.make(limits.sandbox_memory_bytes)
        self._staged: Path | None = None
        self.generation = 0  # counts the submissions staged: a worker of an earlier one is dead
        self.healthy = False  # a worker was spawned once: later failures are the student's doing
        if root is not None:
            self.stage(root)

    def stage(self, root: Path) -> None:
        """Make the submission prepared at `root` (holding `exercises/`) the one the sandbox
        sees; whatever the previous one started or wrote is killed and wiped first."""
        root = Path(root).resolve()
        if root == self._staged:
            return
        if self._staged is not None and self._process is not None:
            try:
                self._ask({"op": "wipe"}, [], self.limits.start_timeout)
            except SandboxUnavailable:
                pass  # the zygote is gone (it restarts on the next spawn), and its sandbox with it
        for entry in list(self.inbox.iterdir()):  # without namespaces a child could write here
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()
        if self.user is not None:  # what the last one left running or lying in the shared folders
            clear_user(self.user[0], keep=[self._process.pid] if self._process is not None else [])
        if (root / "exercises").is_dir():
            shutil.copytree(root / "exercises", self.inbox / "exercises")
        if not self.isolated:
            self._fallback_folders()
        self._staged = root
        self.generation += 1

    def start(self) -> None:
        """Start the zygote (it imports numpy meanwhile); does not wait for it."""
        if self._process is not None:
            return
        self._control, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        fd = child_end.fileno()
        # bwrap itself gets no more of the grader's environment than the path that finds it
        # (--clearenv gives the zygote its own): the grader's secrets stay the grader's.
        env, user, prctl = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, {}, None
        if not self.isolated:
            self._as_fallback_user()
            prctl = prctl_function()
            env = dict(_environment(str(self.scratch)), TMPDIR=str(self.scratch))
            if self.user is not None:
                user = {"user": self.user[0], "group": self.user[1], "extra_groups": []}
                if self.cgroup is not None:
                    self.cgroup.let_join(self.user[0])
        cgroup = self.cgroup
        self._process = subprocess.Popen(
            zygote_command(self.isolated, self.inbox, fd, self.limits.processes), pass_fds=(fd,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, cwd=self.inbox, env=env, start_new_session=True,
            preexec_fn=lambda: _apply_limits(self.limits, prctl, cgroup), **user,
        )
        child_end.close()

    def _ask(self, message: dict, fds: list[int], timeout: float) -> object:
        from . import protocol  # here, not at the top: it imports numpy, and the zygote should start first

        self.start()
        self._control.settimeout(timeout)
        try:
            socket.send_fds(self._control, [json.dumps(message).encode() + b"\n"], fds)
            reply, _ = protocol.recv_control(self._control)
        except (OSError, protocol.ProtocolError) as err:
            self.stop()
            raise SandboxUnavailable(str(err)) from err
        if not reply:
            self.stop()
            raise SandboxUnavailable("the sandbox stopped")
        return json.loads(reply).get("ok")

    def spawn(self, output: IO[bytes], root: Path | None = None) -> socket.socket:
        """A new process for one exercise (of the submission at `root`, staged if it is not
        yet): its request socket (its output goes to `output`)."""
        if root is not None:
            self.stage(root)
        ours, theirs = socket.socketpair()
        try:
            self._ask({"op": "spawn"}, [theirs.fileno(), output.fileno()], self.limits.start_timeout)
        except SandboxUnavailable as err:
            ours.close()
            if self.healthy:
                raise
            if self.isolated:  # bwrap does not work here: the fallback, said once
                _fall_back()
                self.isolated = False
                return self.spawn(output)
            raise SandboxBroken(f"the sandbox does not start here ({err})") from err
        finally:
            theirs.close()
        self.healthy = True
        return ours

    def oom_kills(self) -> int:
        """How many of the sandbox's processes the kernel has stopped for want of memory (0
        without a cgroup: none is counted)."""
        return self.cgroup.oom_kills() if self.cgroup is not None else 0

    def reset(self) -> None:
        """Kill every process the exercises started (the zygote stays, warm)."""
        if self._process is None:
            return
        try:
            self._ask({"op": "reset"}, [], 5.0)
        except SandboxUnavailable:
            pass  # stop() already took everything down

    def stop(self) -> None:
        """Kill the zygote and, with it, everything in the sandbox (the next spawn restarts it)."""
        if self._process is None:
            return
        try:
            os.killpg(self._process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._process.wait()
        self._control.close()
        self._process, self._control = None, None
        if self.user is not None:  # daemons that left the zygote's process group
            kill_processes_of(self.user[0])

    def _as_fallback_user(self) -> None:
        """In the fallback: run student code as a user id of this sandbox's own when the grader
        is root and other users can run the runtime (nobody.py), the staged submission readable
        by its group only, the scratch its own, nothing of an earlier run of that id alive."""
        if self.user is None and _can_drop_privileges():
            self.user = sandbox_ids()
        if self.user is not None:
            kill_processes_of(self.user[0])
        self._fallback_folders()

    def _fallback_folders(self) -> None:
        """The fallback's scratch folder emptied and its user's; the staged submission readable by
        that user's group only."""
        fresh_scratch(self.scratch, self.user)
        if self.user is not None:
            readable_by_group(self.inbox, self.user[1])

    def close(self) -> None:
        """Stop the zygote and remove the staged submission and the scratch folder."""
        self.stop()
        if self.user is not None:
            clear_user(self.user[0])
        shutil.rmtree(self.inbox, ignore_errors=True)
        shutil.rmtree(self._scratch_parent, ignore_errors=True)
        self._staged = None
        if self.cgroup is not None:
            self.cgroup.remove()
