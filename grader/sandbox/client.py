"""The grader's side of a worker: start it, send requests, enforce limits, kill it.

The whole interface the rest of the grader sees is `StudentSession` (one exercise of one
submission): `call`, `iterate`, `close` and the captured `output`. A worker is a fresh
`python -I worker.py` process in its own session (process group), with resource limits,
its stdout and stderr going to a capped file, and a socket pair as its only channel.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WORKER_SCRIPT = Path(__file__).with_name("worker.py")
PASSED_ENVIRONMENT = ("PATH", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "SYSTEMROOT")


@dataclass(frozen=True)
class Limits:
    """Per-worker limits: wall clock per call (s), memory (bytes), CPU (s), files, output."""

    call_timeout: float = 10.0
    memory_bytes: int = 2 * 1024**3
    cpu_seconds: int = 300
    file_bytes: int = 16 * 1024**2
    open_files: int = 256
    output_bytes: int = 64 * 1024


class StudentError(Exception):
    """Student code did not return a value: it raised, hung, crashed or spoke nonsense."""


class StudentRaised(StudentError):
    """The student's code raised an exception (details as sent by the worker)."""

    def __init__(self, details: dict):
        super().__init__(f"{details.get('type')}: {details.get('message')}")
        self.type = str(details.get("type", "Exception"))
        self.text = str(details.get("message", ""))
        frames = details.get("frames") or []
        self.frames = [tuple(frame) for frame in frames if isinstance(frame, list) and len(frame) == 4]
        self.not_implemented = details.get("not_implemented") is True
        self.syntax = details.get("syntax") is True


class StudentTimeout(StudentError):
    """A call ran past the wall-clock limit; the worker was killed."""


class WorkerCrashed(StudentError):
    """The worker process ended in the middle of a call (os._exit, a signal, a memory limit)."""


class StudentProtocolError(StudentError):
    """The worker answered with something that is not a well-formed reply."""


def _worker_environment(root: Path) -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_ENVIRONMENT if name in os.environ}
    env.update(
        HOME=str(root), LANG="C.UTF-8", PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0",
        OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
    )
    return env


def _apply_limits(limits: Limits) -> None:
    """Runs in the child between fork and exec."""
    import resource

    for name, value in (
        ("RLIMIT_AS", limits.memory_bytes),
        ("RLIMIT_CPU", limits.cpu_seconds),
        ("RLIMIT_FSIZE", limits.file_bytes),
        ("RLIMIT_NOFILE", limits.open_files),
        ("RLIMIT_CORE", 0),
    ):
        if hasattr(resource, name):
            resource.setrlimit(getattr(resource, name), (value, value))


class Worker:
    """One worker process serving one submission root."""

    def __init__(self, root: Path, limits: Limits):
        self.limits = limits
        self._channel, child_end = socket.socketpair()
        self._output = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [sys.executable, "-I", str(WORKER_SCRIPT), str(child_end.fileno()), str(root)],
            pass_fds=(child_end.fileno(),), stdin=subprocess.DEVNULL, stdout=self._output,
            stderr=subprocess.STDOUT, cwd=root, env=_worker_environment(root),
            start_new_session=True, preexec_fn=lambda: _apply_limits(limits),
        )
        child_end.close()
        self._next_id = 0

    def request(self, message: dict) -> Any:
        """Send one request and return the decoded answer, or raise a StudentError."""
        # Imported here, not at the top: workers are spawned before the grader imports numpy,
        # so that their start-up overlaps with the grader's.
        from . import protocol

        self._next_id += 1
        message = dict(message, id=self._next_id)
        self._channel.settimeout(self.limits.call_timeout)
        try:
            protocol.send(self._channel, protocol.encode_request(message))
            reply = protocol.receive(self._channel)
        except socket.timeout as err:
            raise StudentTimeout(f"no answer within {self.limits.call_timeout:g} s") from err
        except (EOFError, BrokenPipeError, ConnectionResetError) as err:
            raise WorkerCrashed(self._exit_description()) from err
        except protocol.ProtocolError as err:
            raise StudentProtocolError(str(err)) from err
        return self._unpack(reply)

    def _unpack(self, reply: dict) -> Any:
        from . import protocol

        if reply.get("id") != self._next_id:
            raise StudentProtocolError("a reply to another request")
        if "error" in reply and isinstance(reply["error"], dict):
            raise StudentRaised(reply["error"])
        if "ok" not in reply:
            raise StudentProtocolError("a reply without a value")
        try:
            return protocol.decode(reply["ok"])
        except (protocol.ProtocolError, ValueError, TypeError) as err:
            raise StudentProtocolError(str(err)) from err

    def _exit_description(self) -> str:
        try:
            code = self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "the worker stopped answering"
        if code < 0:
            return f"the worker was killed by signal {signal.Signals(-code).name}"
        return f"the worker exited with code {code}"

    def output(self) -> str:
        """What the student's code printed (stdout and stderr), capped."""
        self._output.seek(0)
        data = self._output.read(self.limits.output_bytes + 1)
        text = data[: self.limits.output_bytes].decode("utf-8", errors="replace")
        return text + ("\n[… output cut]" if len(data) > self.limits.output_bytes else "")

    def close(self) -> str:
        """Kill the worker and everything in its process group; return its output."""
        try:
            os.killpg(self._process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._process.wait()
        self._channel.close()
        text = self.output()
        self._output.close()
        return text


class StudentSession:
    """Every call into one exercise module of one submission.

    Starts a worker on demand (or early with `prestart`), restarts it after a crash or a
    timeout, and then fails fast on the function that caused it: an infinite loop costs one
    timeout, not one per test.
    """

    def __init__(self, root: Path, module: str, limits: Limits = Limits()):
        self.root, self.module, self.limits = root, module, limits
        self._worker: Worker | None = None
        self._imported = False
        self._failed: dict[str, StudentError] = {}
        self._output: list[str] = []

    def prestart(self) -> None:
        if self._worker is None:
            self._worker = Worker(self.root, self.limits)

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._request(function, {"op": "call", "function": function, "args": args, "kwargs": kwargs})

    def iterate(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._request(function, {"op": "iterate", "function": function, "args": args, "kwargs": kwargs})

    def _request(self, function: str, message: dict) -> Any:
        for key in ("<import>", function):
            if key in self._failed:
                raise self._failed[key]
        if not self._imported:
            self._send("<import>", {"op": "import"})
            self._imported = True
        return self._send(function, message)

    def _send(self, key: str, message: dict) -> Any:
        self.prestart()
        try:
            return self._worker.request(dict(message, module=self.module))
        except (StudentTimeout, WorkerCrashed, StudentProtocolError) as err:
            self._failed[key] = err
            self._stop_worker()
            raise
        except StudentRaised as err:
            if key == "<import>":
                self._failed[key] = err
            raise

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._output.append(self._worker.close())
            self._worker = None
            self._imported = False

    def output(self) -> str:
        text = "".join(self._output)
        return text[: self.limits.output_bytes]

    def close(self) -> None:
        self._stop_worker()
