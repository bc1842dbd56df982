"""The grader's side of the workers: send requests, enforce time limits, read the output.

The whole interface the rest of the grader sees is `StudentSession` (one exercise of one
submission): `call`, `iterate`, `close` and the captured `output`. Its process comes from the
submission's `Sandbox` (isolation.py): a fresh fork of a warm zygote per exercise, its output
going to a capped file, a socket as its only channel.
"""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path
from typing import Any

from .isolation import Limits, Sandbox, SandboxUnavailable

__all__ = ["Limits", "Sandbox", "StudentSession", "StudentError", "StudentRaised", "StudentTimeout",
           "WorkerCrashed", "StudentProtocolError"]


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


class Worker:
    """The process serving one exercise: a fork of the sandbox's zygote."""

    def __init__(self, sandbox: Sandbox, limits: Limits):
        self.sandbox, self.limits = sandbox, limits
        self._output = tempfile.TemporaryFile()
        try:
            self._channel = sandbox.spawn(self._output)
        except SandboxUnavailable as err:
            self._output.close()
            raise WorkerCrashed(f"the sandbox could not start a worker ({err})") from err
        self._next_id = 0

    def request(self, message: dict) -> Any:
        """Send one request and return the decoded answer, or raise a StudentError."""
        # Imported here, not at the top: sandboxes are started before the grader imports
        # numpy, so that their start-up overlaps with the grader's.
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
            raise WorkerCrashed("the worker process ended (an exit, a signal or a resource limit)") from err
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

    def output(self) -> str:
        """What the student's code printed (stdout and stderr), capped."""
        self._output.seek(0)
        data = self._output.read(self.limits.output_bytes + 1)
        text = data[: self.limits.output_bytes].decode("utf-8", errors="replace")
        return text + ("\n[… output cut]" if len(data) > self.limits.output_bytes else "")

    def close(self) -> str:
        """Stop the worker and everything it started; return its output."""
        self._channel.close()
        self.sandbox.reset()
        text = self.output()
        self._output.close()
        return text


class StudentSession:
    """Every call into one exercise module of one submission.

    Starts a worker on demand (a fork of the sandbox's zygote), restarts it after a crash or a
    timeout, and then fails fast on the function that caused it: an infinite loop costs one
    timeout, not one per test.
    """

    def __init__(self, sandbox: Sandbox | Path, module: str, limits: Limits | None = None):
        self._owns_sandbox = not isinstance(sandbox, Sandbox)
        if self._owns_sandbox:
            sandbox = Sandbox(Path(sandbox), limits or Limits())
        self.sandbox, self.module = sandbox, module
        self.limits = limits or sandbox.limits
        self._worker: Worker | None = None
        self._imported = False
        self._failed: dict[str, StudentError] = {}
        self._output: list[str] = []

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
        try:
            if self._worker is None:
                self._worker = Worker(self.sandbox, self.limits)
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
        if self._owns_sandbox:
            self.sandbox.close()
