"""The worker: the only process that runs student code.

Started by grader.sandbox.client as `python -I worker.py FD ROOT`, where ROOT holds a private
copy of one submission as the package `exercises`, and FD is its end of a socket pair.
It answers requests (import a module, call a function, loop an update rule) with plain data
(see protocol.py). It holds no reference solution and no expected value; everything it says
is checked by the grader, which never trusts it. Run as a script, so it imports only its
sibling modules, never the grader package.
"""

from __future__ import annotations

import importlib
import importlib.abc
import os
import socket
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import loops  # noqa: E402
import protocol  # noqa: E402
import testfuncs  # noqa: E402

sys.path.remove(HERE)

BLOCKED_PACKAGES = ("reference", "grader")
MAX_TEXT = 2000


class BlockGraderPackages(importlib.abc.MetaPathFinder):
    """Submissions may not import the reference or the grader."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED_PACKAGES:
            raise ImportError(f"'{fullname}' is not available to submissions")
        return None


def student_frames(error: BaseException, root: str) -> list[list]:
    """(file, line, function, code) of the traceback frames inside the submission."""
    frames = traceback.extract_tb(error.__traceback__)
    return [
        [os.path.relpath(frame.filename, root), frame.lineno, frame.name, (frame.line or "")[:200]]
        for frame in frames
        if frame.filename.startswith(root)
    ]


def error_reply(error: BaseException, root: str) -> dict:
    try:
        text = str(error)[:MAX_TEXT]
    except Exception:  # a student exception whose __str__ itself fails
        text = ""
    return {
        "error": {
            "type": type(error).__name__[:100],
            "message": text,
            "frames": student_frames(error, root)[-10:],
            "not_implemented": isinstance(error, NotImplementedError),
            "syntax": isinstance(error, SyntaxError),
        }
    }


def handle(message: dict) -> dict:
    """Carry out one request and return the reply (without its id)."""
    op = message.get("op")
    module = importlib.import_module(f"exercises.{message['module']}")
    if op == "import":
        return {"ok": None}
    args = protocol.decode(message.get("args", []), testfuncs.build)
    kwargs = protocol.decode(message.get("kwargs", {"$dict": {}}), testfuncs.build)
    if op == "call":
        function = getattr(module, message["function"])
        return {"ok": protocol.encode(function(*args, **kwargs))}
    if op == "iterate":
        update = getattr(module, message["function"])
        return {"ok": protocol.encode(loops.iterate(update, *args, **kwargs))}
    raise ValueError(f"unknown operation {op!r}")


def serve(channel: socket.socket, root: str) -> None:
    while True:
        try:
            message = protocol.receive(channel)
        except EOFError:
            return
        try:
            reply = handle(message)
        except BaseException as error:  # the student's code may raise anything, SystemExit too
            reply = error_reply(error, root)
        reply["id"] = message.get("id")
        protocol.send(channel, reply)


def main() -> None:
    channel_fd, root = int(sys.argv[1]), os.path.realpath(sys.argv[2])
    channel = socket.socket(fileno=channel_fd)
    sys.dont_write_bytecode = True
    sys.meta_path.insert(0, BlockGraderPackages())
    sys.path.insert(0, root)
    os.chdir(root)
    serve(channel, root)


if __name__ == "__main__":
    main()
