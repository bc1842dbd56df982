"""The worker side: the only processes that run student code.

`python -I -S worker.py CONTROL_FD ROOT MODE PACKAGES PROCESSES` starts a *zygote*, normally inside a
bubblewrap sandbox (isolation.py) where it sees only the Python runtime, this folder and
ROOT, read-only: the folder where the grader stages one submission at a time (the package
`exercises`). The zygote imports numpy once, then waits on its control socket; for every
exercise the grader sends a `spawn` request carrying two file descriptors (a fresh socket for
requests, a file for the student's output) and the zygote forks a child that serves that
exercise: import a module, call a function, loop an update rule, answering with plain data
(protocol.py); a `groups` message asks many calls at once. `reset` (after an exercise) and
`wipe` (before the grader stages the next submission) kill every process of the sandbox but the
zygote and empty its writable places, so nothing one exercise started or wrote outlives it.

The zygote never runs student code; nothing here holds a reference solution or an expected
value; everything a child says is checked by the grader, which never trusts it. Run as a
script, so it imports only its sibling modules, never the grader package.
"""

from __future__ import annotations

import builtins
import gc
import importlib
import importlib.abc
import json
import os
import shutil
import signal
import socket
import sys
import traceback
import types
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
# Started with -S (no site: .pth files of the grader's environment are not run here), so the
# folder that holds numpy comes as the last argument.
if len(sys.argv) > 4:
    sys.path.append(sys.argv[4])
sys.path.insert(0, HERE)
import ipc  # noqa: E402
import loops  # noqa: E402
import numpy.linalg  # noqa: E402,F401 - imported once here, shared by every forked child
import numpy.random  # noqa: E402,F401
import procfs  # noqa: E402
import protocol  # noqa: E402
import testfuncs  # noqa: E402

sys.path.remove(HERE)

BLOCKED_PACKAGES = ("reference", "grader")
MAX_TEXT = 2000
NAMESPACE_MODE = "namespace"  # alone in a PID namespace: every other process may be killed
WRITABLE = ("/tmp", "/dev/shm")  # in the namespace, the only places a child can write


class BlockGraderPackages(importlib.abc.MetaPathFinder):
    """Submissions may not import the reference or the grader (outside the sandbox, where the
    files may be on disk, this is the only guard; inside, they are not there at all)."""

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


def syntax_frame(error: BaseException, root: str) -> list[list]:
    """A SyntaxError's place in the submission as one frame (file, line, "", the line's code):
    its text then says only what is wrong, the place is shown as for any other error."""
    filename = getattr(error, "filename", None)
    if type(filename) is not str or not filename.startswith(root) or type(error.lineno) is not int:
        return []
    return [[os.path.relpath(filename, root), error.lineno, "", str(error.text or "").strip()[:200]]]


def error_reply(error: BaseException, root: str) -> dict:
    # A SyntaxError of no file (a UTF-16 file's null bytes) is placed where the submission
    # imported it, as any other error: ex06's import line when ex05's file is the one.
    frames = (syntax_frame(error, root) if isinstance(error, SyntaxError) else []) or student_frames(error, root)
    try:  # a placed SyntaxError says only what is wrong: its place is in the frame
        text = str(error.msg if isinstance(error, SyntaxError) and frames else error)[:MAX_TEXT]
    except Exception:  # a student exception whose __str__ itself fails
        text = ""
    return {
        "error": {
            "type": type(error).__name__[:100],
            "message": text,
            "frames": frames[-10:],
            "not_implemented": isinstance(error, NotImplementedError),
            "syntax": isinstance(error, SyntaxError),
        }
    }


class Pristine:
    """What a student's code may change that decides what gets printed, as it was when the
    process began serving; put back before each exercise, so that an exercise served after
    others in one process (a batch's shared process, see grader/prefetch.py) prints what it
    would print in a fresh one: stdout and stderr (objects and descriptors), builtins, the
    warning filters, functions and "already shown" registries, logging's global switch,
    numpy's floating-point error handling."""

    def __init__(self) -> None:
        self.output_fd = os.dup(1)
        self.builtins = dict(vars(builtins))
        self.filters = list(warnings.filters)
        self.show_warning, self.format_warning = warnings.showwarning, warnings.formatwarning
        self.numpy_errors, self.numpy_call = numpy.geterr(), numpy.geterrcall()

    def restore(self) -> None:
        for fd in (1, 2):
            os.dup2(self.output_fd, fd)
        # Line-buffered text streams: the process is killed, never exits normally, so nothing
        # may wait in a buffer.
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)
        names = vars(builtins)
        for name in set(names) - set(self.builtins):
            del names[name]
        names.update(self.builtins)
        warnings.filters[:] = self.filters
        warnings._filters_mutated()
        warnings.showwarning, warnings.formatwarning = self.show_warning, self.format_warning
        if "logging" in sys.modules:  # a student's module may have imported and silenced it
            sys.modules["logging"].disable(0)
        for module in list(sys.modules.values()):
            registry = warning_registry(module)
            if type(registry) is dict:
                registry.clear()
        numpy.seterr(**self.numpy_errors)
        numpy.seterrcall(self.numpy_call)


def warning_registry(module: object) -> object:
    """A module's record of the warnings it has shown. A plain module's namespace is read
    directly: getattr would call the module's own __getattr__ for a name it lacks, and numpy's
    submodules have a slow one (this ran for ~250 modules before each exercise)."""
    if type(module) is types.ModuleType:
        return module.__dict__.get("__warningregistry__")
    return getattr(module, "__warningregistry__", None)


PRISTINE: Pristine | None = None


def handle(message: dict) -> dict:
    """Carry out one request and return the reply (without its id)."""
    op = message.get("op")
    if op == "import":
        PRISTINE.restore()  # a new exercise begins
    if op == "defaults":  # of a module imported before in this process; no student code runs
        return {"ok": protocol.encode(literal_defaults(module_function(IMPORTED.get(message.get("module")), message.get("function"))))}
    module = importlib.import_module(f"exercises.{message['module']}")
    if op == "import":
        IMPORTED[message["module"]] = module
        return {"ok": None}
    args = protocol.decode(message.get("args", []), testfuncs.build)
    kwargs = protocol.decode(message.get("kwargs", {"$dict": {}}), testfuncs.build)
    if op == "call":
        function = getattr(module, message["function"])
        return {"ok": protocol.encode(function(*args, **kwargs))}
    if op == "iterate":
        update = getattr(module, message["function"])
        return {"ok": protocol.encode(loops.iterate(update, *args, **kwargs))}
    if op == "inputs":  # the arguments as the call left them: did it change what it was given?
        getattr(module, message["function"])(*args, **kwargs)
        return {"ok": protocol.encode(loops.containers(args))}
    raise ValueError(f"unknown operation {op!r}")


IMPORTED: dict = {}  # the student's modules this process imported, by name

# Read through the types' own descriptors: never the student's attribute lookups, properties,
# __getattr__, __signature__ or a patched inspect. The query is made in the process that serves
# the calls (grade exercise), between them, and nowhere in a batch's planned calls: had it run
# student code, it could change the answers after it, and one command's grading the other's.
_MODULE_DICT = types.ModuleType.__dict__["__dict__"]
_FUNCTION = {name: types.FunctionType.__dict__[name] for name in ("__code__", "__defaults__", "__kwdefaults__", "__dict__")}


def module_function(module: object, name: object) -> object:
    """A module's attribute `name` as its namespace holds it (None where it is not a plain
    module's, or not there)."""
    if type(module) is not types.ModuleType or type(name) is not str:
        return None
    return _plain_entry(_MODULE_DICT.__get__(module), name)


def literal_defaults(function: object) -> dict:
    """The default values of a function's parameters that are plain numbers (at most 100
    digits), booleans or strings (at most 100 characters), {name: value}; the grader compares
    them with the statement's when a check that relies on them fails. Only a plain function
    says (one wrapped by functools.wraps: the function it wraps); anything else (a callable
    object, a builtin, a function given a __signature__ of its own), {}."""
    for _ in range(10):
        if type(function) is not types.FunctionType:
            return {}
        attributes = _FUNCTION["__dict__"].__get__(function)
        if _plain_entry(attributes, "__signature__") is not None:
            return {}
        wrapped = _plain_entry(attributes, "__wrapped__")
        if type(wrapped) is not types.FunctionType:
            break
        function = wrapped  # the defaults that apply are the wrapped function's
    code = _FUNCTION["__code__"].__get__(function)
    positional = code.co_varnames[:code.co_argcount]
    keyword_only = code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]
    defaults = _FUNCTION["__defaults__"].__get__(function)
    given = list(zip(positional[len(positional) - len(defaults):], defaults)) if type(defaults) is tuple and defaults else []
    keywords = _FUNCTION["__kwdefaults__"].__get__(function)
    if type(keywords) is dict:
        given += [(key, value) for key, value in dict.items(keywords) if type(key) is str and key in keyword_only]
    return {key: value for key, value in given if protocol.is_plain_default(value)}


def _plain_entry(namespace: object, name: str) -> object:
    """namespace[name] of an exact dict, comparing exact strings only (a key of the student's
    with the same hash would otherwise have its __eq__ called)."""
    if type(namespace) is not dict:
        return None
    for key, value in dict.items(namespace):
        if type(key) is str and str.__eq__(key, name):
            return value
    return None




def answer(message: dict, root: str) -> dict:
    """The reply to one request (with its id), whatever the student's code does."""
    if type(message) is not dict:
        message = {}
    try:
        reply = handle(message)
    except BaseException as error:  # the student's code may raise anything, SystemExit too
        reply = error_reply(error, root)
    reply["id"] = message.get("id")
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # the student may have replaced or closed it
            pass
    return reply


def serve(channel: socket.socket, root: str) -> None:
    """Answer requests until the grader closes the channel. Requests come in `groups`
    messages: each group is answered by one message holding its replies in order (a call the
    grader makes on its own is a group of one; the calls a batch plans for an exercise, one
    group)."""
    while True:
        try:
            message = protocol.receive(channel)
        except EOFError:
            return
        for group in listed(message.get("groups")):
            protocol.send_text(channel, protocol.bounded_replies(answer(request, root) for request in listed(group)))


def listed(value: object) -> list:
    """A message's list (of requests, of groups), or none if it is not a list."""
    return value if type(value) is list else []


def run_child(channel_fd: int, output_fd: int, root: str) -> None:
    """In a forked child: student output to the given file, then serve one exercise."""
    global PRISTINE
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.setsid()
    os.dup2(output_fd, 1)
    os.close(output_fd)
    PRISTINE = Pristine()
    PRISTINE.restore()
    first_to_go()
    try:
        serve(socket.socket(fileno=channel_fd), root)
    finally:
        os._exit(0)


def first_to_go() -> None:
    """Make this process, and all it starts, the kernel's first choice when memory runs out (in
    the sandbox's cgroup, or the machine's): the student's code before the zygote, which serves
    the next exercises, and before the grader. Raising it needs no privilege."""
    try:
        with open("/proc/self/oom_score_adj", "w") as adjust:
            adjust.write("500")
    except OSError:
        pass  # no /proc here (macOS): the cgroup, where there is one, still bounds the sandbox


def kill_others(children: set[int], mode: str) -> None:
    """Kill what the exercises started: in a PID namespace every process but the zygote (its
    init, PID 1: isolation.py); elsewhere the process groups of the children it forked."""
    if mode == NAMESPACE_MODE:
        keep = {os.getpid()}
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) not in keep:
                try:
                    os.kill(int(entry), signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
    for pid in children:
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    children.clear()


def _remove(path: str) -> None:
    """Remove a file or a whole tree, giving back the rights a student may have taken away."""
    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, 0o700)
        for inner, folders, _ in os.walk(path):  # top-down: each folder is opened after this
            for name in folders:
                os.chmod(os.path.join(inner, name), 0o700)
        shutil.rmtree(path)
    else:
        os.unlink(path)


def wipe_writable() -> None:
    """Empty the sandbox's writable places: its private /tmp and /dev/shm, and the System V
    IPC objects of its IPC namespace."""
    for folder in WRITABLE:
        for name in os.listdir(folder) if os.path.isdir(folder) else []:
            try:
                _remove(os.path.join(folder, name))
            except OSError:
                pass
    ipc.remove_ipc_objects()


def zygote(control: socket.socket, root: str, mode: str) -> None:
    """Fork a child per `spawn` request; kill them all on `reset`; stop when the grader leaves."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    children: set[int] = set()
    # What the zygote imported stays out of the children's garbage collections: they would
    # otherwise touch (and so copy) every page of it, a few ms per child.
    gc.freeze()
    while True:
        try:
            data, fds = protocol.recv_control(control, 2)
        except (OSError, protocol.ProtocolError):
            data, fds = b"", []
        if not data:  # the grader is gone: so is everything this zygote started
            kill_others(children, mode)
            return
        op = json.loads(data).get("op")
        if op == "spawn" and len(fds) == 2:
            pid = os.fork()
            if pid == 0:
                control.close()
                run_child(fds[0], fds[1], root)
            children.add(pid)
            reply = {"ok": pid}
        elif op in ("reset", "wipe"):  # after an exercise, before another submission: nothing may remain
            # (what an exercise wrote in /tmp, its files' inodes too, is the sandbox's memory, in
            # its cgroup: left there, the next exercise would run with less)
            kill_others(children, mode)
            if mode == NAMESPACE_MODE:
                wipe_writable()
            reply = {"ok": None}
        else:
            reply = {"error": f"bad request {op!r}"}
        for fd in fds:
            os.close(fd)
        control.sendall(json.dumps(reply).encode() + b"\n")


def cap_processes(allowed: int, mode: str) -> None:
    """RLIMIT_NPROC for the zygote and its children. The kernel counts every process (on
    Linux every thread) of the user against it: set here, inside the sandbox's own user
    namespace, it counts the sandbox's alone. In the fallback there is no such namespace and
    the user's browser and desktop count too (set before the start, a cap of 256 left a
    desktop user no fork at all), so the cap is what the user runs now plus `allowed`; where
    that cannot be counted (no /proc), there is none (the time limits and group kills stay)."""
    import resource

    if mode != NAMESPACE_MODE:
        running = tasks_of(os.getuid())
        if running is None:
            return
        allowed += running
    hard = resource.getrlimit(resource.RLIMIT_NPROC)[1]
    if hard != resource.RLIM_INFINITY:
        allowed = min(allowed, hard)
    resource.setrlimit(resource.RLIMIT_NPROC, (allowed, allowed))


def tasks_of(uid: int) -> int | None:
    """How many threads the user `uid` runs now (Linux /proc), or None where that is unknown."""
    if not procfs.has_proc():
        return None
    return sum(int(fields.get("Threads", "1").strip() or 1) for _, fields in procfs.statuses()
               if fields.get("Uid", "").split()[:1] == [str(uid)])


def not_dumpable() -> None:
    """The zygote serves submission after submission: no child (same uid) may trace it or
    read and write its memory through /proc (prctl PR_SET_DUMPABLE = 0)."""
    import ctypes

    PR_SET_DUMPABLE = 4
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return  # no prctl (macOS): the fallback there runs as the grading user anyway
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def main() -> None:
    control_fd, root, mode = int(sys.argv[1]), os.path.realpath(sys.argv[2]), sys.argv[3]
    control = socket.socket(fileno=control_fd)
    sys.dont_write_bytecode = True
    sys.meta_path.insert(0, BlockGraderPackages())
    sys.path.insert(0, root)
    # Last on the path, so it shadows nothing installed: `from ex04_gradient_descent import …`,
    # as a student writes it to run a file from their own folder, works here too.
    sys.path.append(os.path.join(root, "exercises"))
    os.chdir(root)
    # In the fallback too: there the zygote is the same uid as student code (nobody, or the
    # grading user), and it serves the next submissions.
    not_dumpable()
    if len(sys.argv) > 5:
        cap_processes(int(sys.argv[5]), mode)
    # The suites make some loops diverge on purpose: numpy's overflow warnings would only be
    # noise in the student's output (a divergence is diagnosed). Division by zero and invalid
    # values (where a NaN comes from) still warn: those point at a bug.
    numpy.seterr(over="ignore")
    # The suites' test functions, evaluated at a student's infinite or NaN iterate, warn from
    # the grader's file (testfuncs.py): not the student's output, which is what is shown.
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="testfuncs")
    zygote(control, root, mode)


if __name__ == "__main__":
    main()
