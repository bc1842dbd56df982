"""The grader's side of the workers: send requests, enforce time limits, read the output.

The whole interface the rest of the grader sees is `StudentSession` (one exercise of one
submission): `call`, `iterate`, `close` and the captured `output`. Its process comes from the
submission's `Sandbox` (isolation.py): a fresh fork of a warm zygote per exercise, its output
going to a capped file, a socket as its only channel.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import time
from collections import deque
from pathlib import Path
from typing import Any, Callable

from .isolation import Limits, Sandbox, SandboxUnavailable

__all__ = ["Limits", "Sandbox", "StudentSession", "StudentError", "StudentRaised", "StudentTimeout",
           "WorkerCrashed", "StudentProtocolError"]


# Ends the output kept when the code printed more than Limits.output_bytes (the terminal says it
# in the student's language: reports/terminal.py).
OUTPUT_CUT = "\n[… output cut]"

class StudentError(Exception):
    """Student code did not return a value: it raised, hung, crashed or spoke nonsense."""


# What is kept of an exception the worker reports: its caps (worker.error_reply) are the child's
# own to lift (worker.MAX_TEXT is a global of its process), or the reply is written by student
# code itself, so the grader cuts it again. A message goes into every report, and a 300 MB one
# made a 350 MB JSON.
MAX_ERROR_TYPE, MAX_ERROR_TEXT, MAX_FRAMES = 100, 2000, 10
MAX_FRAME_TEXTS = (300, None, 100, 200)  # file, line (a number), function, code


class StudentRaised(StudentError):
    """The student's code raised an exception (details as sent by the worker, cut to size)."""

    def __init__(self, details: dict):
        self.type = str(details.get("type", "Exception"))[:MAX_ERROR_TYPE]
        self.text = str(details.get("message", ""))[:MAX_ERROR_TEXT]
        super().__init__(f"{self.type}: {self.text}")
        frames = details.get("frames")
        frames = frames[-MAX_FRAMES:] if type(frames) is list else []
        self.frames = [plain_frame(frame) for frame in frames if is_frame(frame)]
        self.not_implemented = details.get("not_implemented") is True
        self.syntax = details.get("syntax") is True


def is_frame(frame: object) -> bool:
    """(file, line, function, code) as the worker sends a traceback frame."""
    return (type(frame) is list and len(frame) == 4 and type(frame[1]) in (int, type(None))
            and all(type(frame[i]) is str for i in (0, 2, 3)))


def plain_frame(frame: list) -> tuple:
    return tuple(part if size is None else part[:size] for part, size in zip(frame, MAX_FRAME_TEXTS))


class StudentTimeout(StudentError):
    """A call ran past the wall-clock limit of `seconds`; the worker was killed."""

    def __init__(self, seconds: float):
        super().__init__(f"no answer within {seconds:g} s")
        self.seconds = seconds


class WorkerCrashed(StudentError):
    """The worker process ended in the middle of a call (os._exit, a signal, a memory limit),
    or, with `detail` saying why, none could be started (an earlier call killed the sandbox).
    `memory_limit`: the sandbox's memory cgroup's limit (bytes), when the kernel stopped one of its
    processes for want of memory meanwhile."""

    def __init__(self, detail: str = "", memory_limit: int | None = None):
        super().__init__(f"the sandbox could not start a worker ({detail})" if detail
                         else "the worker process ended (an exit, a signal or a resource limit)")
        self.detail, self.memory_limit = detail, memory_limit


class StudentProtocolError(StudentError):
    """The worker answered with something that is not a well-formed reply."""


# The time all the calls into one exercise of one submission may take together: without it a
# function that answers just before each call's limit costs the limit times the number of calls
# (ex09 has 270: 45 minutes of a batch at the default 10 s, and 450 calls for the curriculum).
# Right code takes milliseconds for them all.
EXERCISE_CALLS, EXERCISE_MINIMUM = 3, 30.0


class Budget:
    """What is left of an exercise's time (s): each exchange with its workers spends it."""

    def __init__(self, limits: Limits):
        self.seconds = max(EXERCISE_MINIMUM, EXERCISE_CALLS * limits.call_timeout)
        self.left = self.seconds


class Worker:
    """The process serving one exercise: a fork of the sandbox's zygote."""

    def __init__(self, sandbox: Sandbox, limits: Limits, root: Path | None = None, budget: Budget | None = None):
        self.sandbox, self.limits, self.budget = sandbox, limits, budget
        self._output = tempfile.TemporaryFile()
        try:
            self._oom_kills = sandbox.oom_kills()
            self._channel = sandbox.spawn(self._output, root)
            self.generation = sandbox.generation
        except SandboxUnavailable as err:
            self._output.close()
            raise WorkerCrashed(str(err) or type(err).__name__) from err
        self._next_id = 0
        self._waiting: list[int] = []  # ids of requests sent and not yet answered, in order
        self._unheard: list[tuple[int, int]] = []  # byte ranges of the output left out of output()

    def request(self, message: dict) -> Any:
        """Send one request and return the decoded answer, or raise a StudentError."""
        self.send([message])
        return self.next_answer()

    def request_unheard(self, message: dict) -> Any:
        """`request`, whose output is left out of `output()` (the worker flushes it before its
        reply, so it lies between the output's sizes before and after)."""
        start = self.output_size()
        try:
            return self.request(message)
        finally:
            self._unheard.append((start, self.output_size()))

    def send(self, messages: list[dict]) -> None:
        """Send encoded requests in one `groups` message, each a group of its own (so each is
        answered, within the call time limit, as soon as it is done); answers come with
        next_answer."""
        # protocol is imported in the methods, not at the top: sandboxes are started before
        # the grader imports numpy, so that their start-up overlaps with the grader's.
        from . import protocol

        groups = []
        for message in messages:
            self._next_id += 1
            self._waiting.append(self._next_id)
            groups.append([protocol.dumps(dict(message, id=self._next_id))])
        self.send_text(protocol.groups_message(groups))

    def next_answer(self) -> Any:
        """The answer to the oldest request not yet answered (each within the call time limit)."""
        (reply,) = self.replies_in(self.next_group(), 1)
        return self._unpack(reply, self._waiting.pop(0))

    def send_text(self, body: bytes) -> None:
        """Send a `groups` message already encoded (protocol.groups_message); the answer to
        each group comes with next_group."""
        from . import protocol

        self._exchange(lambda: protocol.send_text(self._channel, body))

    def next_group(self) -> bytes:
        """The text of the answer to the next group of a `groups` message, not parsed yet
        (the time limit of one call is the whole group's)."""
        from . import protocol

        return self._exchange(lambda: protocol.receive_body(self._channel))

    def replies_in(self, body: bytes, count: int) -> list[dict]:
        """The replies in a group's answer (see next_group), which must hold `count` of them."""
        from . import protocol

        replies = self._exchange(lambda: protocol.parse(body)).get("replies")
        if type(replies) is not list or len(replies) != count or not all(type(r) is dict for r in replies):
            raise StudentProtocolError(f"not {count} replies to a group of {count} requests")
        return replies

    def answer_in(self, reply: dict) -> Any:
        """The answer in one reply of a group (its position says to which request), or a StudentError."""
        return self._unpack(reply, None)

    def _exchange(self, action: Callable[[], Any]) -> Any:
        from . import protocol

        timeout, budget = self.limits.call_timeout, self.budget
        if budget is not None:
            if budget.left <= 0:
                raise StudentTimeout(budget.seconds)
            timeout = min(timeout, budget.left)
        self._channel.settimeout(timeout)
        started = time.monotonic()
        try:
            return action()
        except socket.timeout as err:
            raise StudentTimeout(budget.seconds if timeout < self.limits.call_timeout else timeout) from err
        except (EOFError, BrokenPipeError, ConnectionResetError) as err:
            stopped = self.sandbox.oom_kills() > self._oom_kills  # by the kernel, for want of memory
            raise WorkerCrashed(memory_limit=self.sandbox.limits.sandbox_memory_bytes if stopped else None) from err
        except protocol.ProtocolError as err:
            raise StudentProtocolError(str(err)) from err
        finally:
            if budget is not None:
                budget.left -= time.monotonic() - started

    def _unpack(self, reply: dict, request_id: int | None) -> Any:
        from . import protocol

        if reply.get("id") != request_id:
            raise StudentProtocolError("a reply to another request")
        if "error" in reply and isinstance(reply["error"], dict):
            raise StudentRaised(reply["error"])
        if "ok" not in reply:
            raise StudentProtocolError("a reply without a value")
        try:
            return protocol.decode(reply["ok"])
        except (protocol.ProtocolError, ValueError, TypeError) as err:
            raise StudentProtocolError(str(err)) from err

    def output_size(self) -> int:
        """How many bytes the student's code has printed so far."""
        return os.fstat(self._output.fileno()).st_size

    def output(self) -> str:
        """What the student's code printed (stdout and stderr), capped."""
        self._output.seek(0)
        data = self._output.read(self.limits.output_bytes + 1 + sum(end - start for start, end in self._unheard))
        for start, end in reversed(self._unheard):
            data = data[:start] + data[end:]
        text = data[: self.limits.output_bytes].decode("utf-8", errors="replace")
        return text + (OUTPUT_CUT if len(data) > self.limits.output_bytes else "")

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
    timeout, not one per test. `prefetch` runs, in one message, the calls the suites are known
    to make (a batch knows them from a run on the reference); the suites' calls then take
    their answers in order, and any call that differs from the plan goes to a worker live.
    """

    def __init__(self, sandbox: Sandbox | Path, module: str, limits: Limits | None = None, root: Path | None = None):
        self._owns_sandbox = not isinstance(sandbox, Sandbox)
        if self._owns_sandbox:
            sandbox = Sandbox(Path(sandbox), limits or Limits())
        self.sandbox, self.module, self.root = sandbox, module, root
        self.limits = limits or sandbox.limits
        self._worker: Worker | None = None
        self._imported = False
        self._failed: dict[str, StudentError] = {}
        self._output: list[str] = []
        self._answers: deque[tuple[dict, Any]] = deque()  # (planned request, answer or StudentError)
        # Every planned answer is bit for bit the reference's (prefetch.py): the suites' verdicts
        # are then those of any other such session of the exercise (engine.py reuses them).
        self.answers_are_the_reference = False
        self._defaults: dict[str, dict[str, Any]] = {}
        self._budget = Budget(self.limits)  # shared by the exercise's workers, one after the other
        # Nothing by this module's name in the submission: its import fails in any process, with
        # the error missing_module makes, so none is started to say so.
        self.file_absent = root is not None and _nothing_named(root / "exercises", module)
        if self.file_absent:
            self._failed["<import>"] = missing_module(module)

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._request(function, request_message("call", function, args, kwargs))

    def iterate(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._request(function, request_message("iterate", function, args, kwargs))

    def inputs_after(self, function: str, *args: Any, **kwargs: Any) -> Any:
        return self._request(function, request_message("inputs", function, args, kwargs))

    def defaults_of(self, function: str) -> dict[str, Any]:
        """The student's function's parameters with a plain default value ({name: value}), or {}
        when it cannot tell. Asked of this session's live worker; where there is none (a batch
        asked its calls beforehand), of a fresh one that is stopped at once, its output dropped:
        the module's import prints nothing twice, and the output stays that of the calls."""
        from . import protocol

        if function in self._defaults or "<import>" in self._failed:
            return self._defaults.get(function, {})
        self._defaults[function] = {}
        fresh = self._worker is None or self._worker.generation != self.sandbox.generation
        try:
            worker = self._current_worker()
            if not self._imported:
                worker.request(dict(IMPORT, module=self.module))
                self._imported = True
            self._defaults[function] = plain_defaults(worker.request(protocol.encode_request(
                dict(request_message("defaults", function, (), {}), module=self.module))))
        except StudentRaised:
            pass  # the import or the question raised: nothing to tell
        except StudentError:
            fresh = True  # a timeout or a crash: that worker is done
        finally:
            if fresh and self._worker is not None:
                self._worker.close()
                self._worker, self._imported = None, False
        return self._defaults[function]

    def _request(self, function: str, message: dict) -> Any:
        from . import protocol

        encoded = protocol.encode_request(message)
        if self._answers:
            planned, answer = self._answers.popleft()
            if planned == encoded or same_json(planned, encoded):  # (NaN ≠ NaN, but not in JSON)
                if isinstance(answer, StudentError):
                    raise answer
                return answer.decode() if type(answer) is Undecoded else answer
            self._answers.clear()  # the suite went another way: live from here on
        self.answers_are_the_reference = False  # a live answer: no longer known to be the reference's
        return self._live(function, encoded)

    def _live(self, function: str, encoded: dict, unheard: bool = False) -> Any:
        """A worker's answer to an encoded request, the module imported first; at once the
        error of an import or a function that failed before."""
        for key in ("<import>", function):
            if key in self._failed:
                raise self._failed[key]
        if self._budget.left <= 0:  # the exercise's time is spent: no process started for nothing
            raise StudentTimeout(self._budget.seconds)
        if not self._imported:
            self._send("<import>", IMPORT)
            self._imported = True
        return self._send(function, encoded, unheard)

    def ask_again(self, kind: str, function: str, args: tuple, kwargs: dict) -> Any:
        """A call ("call", "iterate" or "inputs") asked once more, a failed check's second look
        (checks.py): live, past the planned answers (which stay for the suites' next calls), and
        unheard: what it prints is left out of the output, which shows the student's prints once.
        Where there is no live worker (a batch asked its calls beforehand), a fresh one answers
        and is stopped at once, its output dropped, as for defaults_of."""
        from . import protocol

        encoded = protocol.encode_request(request_message(kind, function, args, kwargs))
        fresh = self._worker is None or self._worker.generation != self.sandbox.generation
        try:
            return self._live(function, encoded, unheard=True)
        finally:
            if fresh and self._worker is not None:
                self._worker.close()
                self._worker, self._imported = None, False

    def _current_worker(self) -> Worker:
        """This session's worker, started if there is none (or a new one if another submission
        was staged in the sandbox since: the old one's processes are gone)."""
        if self._worker is not None and self._worker.generation != self.sandbox.generation:
            self._stop_worker()
        if self._worker is None:
            self._worker = Worker(self.sandbox, self.limits, self.root, self._budget)
        return self._worker

    def _send(self, key: str, encoded: dict, unheard: bool = False) -> Any:
        try:
            worker = self._current_worker()
            return (worker.request_unheard if unheard else worker.request)(dict(encoded, module=self.module))
        except (StudentTimeout, WorkerCrashed, StudentProtocolError) as err:
            self._failed[key] = err
            self._stop_worker()
            raise
        except StudentRaised as err:
            if key == "<import>":
                self._failed[key] = err
            raise

    def prefetch(self, plan: list[tuple[str, dict]]) -> None:
        """Ask the planned calls ((function, encoded request), in the suites' order), as few
        messages as possible, and keep their answers (or errors) for the suites' calls."""
        pending = list(plan)
        while pending:
            failed = self._failed.get("<import>") or self._failed.get(pending[0][0])
            if failed is None and self._budget.left <= 0:
                failed = StudentTimeout(self._budget.seconds)
            if failed is not None:
                self._answers.append((pending.pop(0)[1], failed))
                continue
            pending = self._ask_in_one(pending)

    def take_answers(self, answers: list[tuple[dict, Any]], are_the_reference: bool = False) -> None:
        """Answers asked elsewhere ((encoded request, answer or StudentError), in the suites'
        order): the suites' calls take them as from prefetch. `are_the_reference`: every
        planned call is answered, bit for bit as the reference answers it."""
        self._answers.extend(answers)
        self.answers_are_the_reference = are_the_reference

    def _ask_in_one(self, pending: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
        """Send the requests at once and collect the answers, until one stops the worker (a
        timeout, a crash) or the import fails; return what is left to ask."""
        try:
            worker = self._current_worker()
            keyed = ([] if self._imported else [("<import>", IMPORT)]) + pending
            worker.send([dict(encoded, module=self.module) for _, encoded in keyed])
        except StudentError as err:  # no worker, or it died before reading
            self._failed["<import>" if not self._imported else pending[0][0]] = err
            self._stop_worker()
            return pending
        for index, (key, encoded) in enumerate(keyed):
            try:
                answer = self._worker.next_answer()
            except StudentRaised as err:
                answer = err
                if key == "<import>":
                    self._failed[key] = err
            except StudentError as err:
                self._failed[key] = answer = err
                self._stop_worker()
            if key == "<import>":
                self._imported = True
            else:
                self._answers.append((encoded, answer))
            if self._worker is None or "<import>" in self._failed:
                self._stop_worker()  # its other answers are not wanted
                return [item for item in keyed[index + 1:] if item[0] != "<import>"]
        return []

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._output.append(self._worker.close())
            self._worker = None
            self._imported = False

    def output(self) -> str:
        text = "".join(self._output)
        if len(text) <= self.limits.output_bytes:
            return text
        return text[: self.limits.output_bytes] + OUTPUT_CUT  # said, not cut off with the rest

    def close(self) -> None:
        self._stop_worker()
        if self._owns_sandbox:
            self.sandbox.close()


IMPORT = {"op": "import"}


def _nothing_named(package: Path, module: str) -> bool:
    """Whether the folder holds nothing that could be imported as `module`: no `<module>.py`,
    nor a `.pyc`, a `.so` or a folder of that name."""
    return package.is_dir() and not any(name == module or name.startswith(module + ".") for name in os.listdir(package))


def missing_module(module: str) -> StudentRaised:
    """The error a worker answers an import of a module the submission lacks with
    (worker.error_reply of Python's ModuleNotFoundError: no frame of the student's)."""
    return StudentRaised({"type": "ModuleNotFoundError", "message": f"No module named 'exercises.{module}'",
                          "frames": [], "not_implemented": False, "syntax": False})


class Undecoded:
    """An answer kept as the text of its reply, decoded only if a test asks for it: a batch
    keeps the answers whose text is the reference's answer's (prefetch.py), and most of their
    tests run for one submission of the chunk only (engine.py)."""

    __slots__ = ("body",)

    def __init__(self, body: bytes):
        self.body = body

    def decode(self) -> Any:
        from . import protocol

        return protocol.decode(protocol.parse(self.body)["ok"])


def plain_defaults(answer: Any) -> dict[str, Any]:
    """What a worker said the defaults are, kept only as short names and values that may be
    quoted in a message (protocol.is_plain_default)."""
    from . import protocol

    if type(answer) is not dict:
        return {}
    return {name: value for name, value in list(answer.items())[:50]
            if type(name) is str and len(name) <= 100 and protocol.is_plain_default(value)}


def same_json(first: Any, second: Any) -> bool:
    return json.dumps(first) == json.dumps(second)


def request_message(op: str, function: str, args: tuple, kwargs: dict) -> dict:
    """A call into student code as the suites make it (before encoding)."""
    return {"op": op, "function": function, "args": args, "kwargs": kwargs}
