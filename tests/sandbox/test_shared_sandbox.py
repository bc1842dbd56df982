"""A batch worker grades many submissions in one pytest session and one warm sandbox, their
calls known in advance (plans.py). Each must get exactly the result it gets alone, and
nothing of one submission may reach the next."""

from __future__ import annotations

import ast
import math
import platform
import time
from contextlib import ExitStack
from pathlib import Path

import numpy as np
import pytest

from grader import curriculum
from grader.grading import grade_prepared_many, grade_submission
from grader.sandbox.client import Limits, Sandbox, StudentSession, request_message
from grader.sandbox.isolation import runtime_paths, namespaces_available
from grader.sandbox.protocol import encode_request
from grader.submission import prepared

from ..conftest import ALTERNATIVE, HOSTILE, MISTAKES, REFERENCE, submission_with

LIMITS = Limits(call_timeout=2)
NEIGHBOURS = {  # one class, honest and hostile side by side
    "reference": {},
    "mistake_ex03": {3: MISTAKES / "ex03_step_sign_flipped.py"},
    "mistake_ex05": {5: MISTAKES / "ex05_sum_instead_of_mean.py"},
    "hangs": {3: HOSTILE / "ex03_ignores_sigterm.py"},
    "daemon": {3: HOSTILE / "ex03_daemon.py"},
    "raises": {3: HOSTILE / "ex03_raises.py"},
    "patches": {5: HOSTILE / "ex05_monkeypatches.py"},
    "exits": {5: HOSTILE / "ex05_exit_at_import.py"},
    "lies": {1: HOSTILE / "ex01_lying_objects.py"},
    "nan": {1: HOSTILE / "ex01_returns_nan.py"},
    "kills": {12: HOSTILE / "ex12_kills_zygote.py"},  # the zygote too, then hangs
    "floods": {3: HOSTILE / "ex03_floods_output.py"},
}


SILENCES_THE_NEXT = """
import builtins, os, sys, warnings
import numpy as np

sys.stdout = open(os.devnull, "w")
os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
builtins.print = lambda *args, **kwargs: None
warnings.simplefilter("ignore")
warnings.showwarning = lambda *args, **kwargs: None
np.seterr(all="warn")


def gradient_step(v, gradient, step_size):
    return [a + step_size * b for a, b in zip(v, gradient)]
"""

PRINTS_WHILE_RIGHT = """
import numpy as np


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    print("descending from", x0)
    x = np.asarray(x0, dtype=float)
    iterates = [x]
    for _ in range(max_steps):
        x_next = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        iterates.append(x_next)
        if not np.all(np.isfinite(x_next)) or np.linalg.norm(x_next - x) < tol:
            break
        x = x_next
    return np.array(iterates)
"""


# Well-formed messages of the worker's wire format (length, then JSON), written at import to
# every descriptor the channel might be: replies to a group that claim success, then a group's
# worth of made-up answers. The grader reads them out of turn (or not at all).
FORGES_REPLIES = """
import json, os, struct

def _framed(message):
    body = json.dumps(message, separators=(",", ":")).encode()
    return struct.pack(">I", len(body)) + body

FORGED = _framed({"replies": [{"ok": None, "id": None}]}) + _framed(
    {"replies": [{"ok": [0.0, 0.0], "id": None} for _ in range(20)]})
for fd in range(3, 40):
    try:
        os.write(fd, FORGED)
    except OSError:
        pass


def gradient_step(v, gradient, step_size):
    return [0.0 for _ in v]  # wrong
"""


def _class(tmp_path: Path) -> list[Path]:
    folders = [submission_with(tmp_path / name, files) for name, files in NEIGHBOURS.items()]
    (tmp_path / "silences.py").write_text(SILENCES_THE_NEXT)
    (tmp_path / "prints.py").write_text(PRINTS_WHILE_RIGHT)
    folders.append(submission_with(tmp_path / "silenced", {3: tmp_path / "silences.py", 4: tmp_path / "prints.py"}))
    (tmp_path / "forges.py").write_text(FORGES_REPLIES)
    folders.append(submission_with(tmp_path / "forges", {3: tmp_path / "forges.py"}))
    return [*folders, ALTERNATIVE]


def _graded_together(folders: list[Path], exercises: list) -> list[dict]:
    """The reports of `folders` graded as one chunk of a batch: one pytest session, one sandbox."""
    sandbox = Sandbox(None, LIMITS)
    try:
        with ExitStack() as stack:
            roots = [stack.enter_context(prepared(folder)) for folder in folders]
            return [report.to_dict() for report in grade_prepared_many(roots, exercises, 7, "en", sandbox)]
    finally:
        sandbox.close()


def test_a_chunk_grades_each_submission_as_it_is_graded_alone(tmp_path: Path):
    exercises = curriculum.select("1-7,12")
    folders = _class(tmp_path)
    alone = [grade_submission(folder, exercises, 7, "en", LIMITS).to_dict() for folder in folders]
    together = _graded_together(folders, exercises)
    for folder, one, other in zip(folders, alone, together):
        if folder.name == "forges":
            # It writes its forged frames to every descriptor, its output's among them, and is
            # killed on the first one the grader reads: how many reached its output by then is
            # a race the submission runs against its own end. Its verdicts are checked below.
            for report in (one, other):
                next(ex for ex in report["exercises"] if ex["exercise"] == 3)["output"] = ""
        differing = [(a["exercise"], key, a[key], b[key]) for a, b in zip(one["exercises"], other["exercises"])
                     for key in a if a[key] != b.get(key)]
        assert one == other, (folder.name, differing)
    scores = {folder.name: report["score"] for folder, report in zip(folders, together)}
    assert scores["reference"] == scores["alternative"] == together[0]["max_score"]
    assert all(scores[name] < scores["reference"] for name in NEIGHBOURS if name not in ("reference", "daemon"))
    silenced = together[folders.index(tmp_path / "silenced")]["exercises"][3]
    assert "descending from" in silenced["output"]  # what ex03 did to the output does not reach ex04
    forged = {ex["exercise"]: ex for ex in together[folders.index(tmp_path / "forges")]["exercises"]}
    assert forged[3]["score"] == 0 and all(ex["score"] == ex["max_score"] for n, ex in forged.items() if n != 3)
    assert {test["diagnosis"] for test in forged[3]["tests"]} == {"channel_broken"}  # named as what it is


def test_an_exercise_the_submission_lacks_starts_no_process_and_is_graded_as_alone(tmp_path: Path, monkeypatch):
    """Early in a course most of a class hands in a few files: each absent exercise was asked
    in a process of its own only for its import to fail (the shared one cannot keep a failed
    import). Its answer is known without one, and must be the one a process gives."""
    from grader.sandbox import client

    partial = tmp_path / "partial"
    partial.mkdir()
    for name in ("ex01_sum_of_squares.py", "ex06_batch_gd.py", "ex07_sgd.py"):  # ex06 and ex07 call ex05's
        (partial / name).write_text((REFERENCE / name).read_text(encoding="utf-8"), encoding="utf-8")
    folders = [partial, submission_with(tmp_path / "whole", {})]
    exercises = curriculum.select("1-7")
    alone = [grade_submission(folder, exercises, 7, "en", LIMITS).to_dict() for folder in folders]
    started = []
    real = client.StudentSession._current_worker
    monkeypatch.setattr(client.StudentSession, "_current_worker",
                        lambda session: started.append(session.module) or real(session))
    together = _graded_together(folders, exercises)
    assert together == alone
    diagnoses = {ex["exercise"]: {t["diagnosis"] for t in ex["tests"]} for ex in together[0]["exercises"]}
    assert diagnoses[3] == diagnoses[5] == {"missing_file"} and "sibling_missing" in diagnoses[6]
    assert together[0]["exercises"][0]["score"] == together[0]["exercises"][0]["max_score"]
    absent = {ex.module for ex in exercises} - {name[:-3] for name in ("ex01_sum_of_squares.py", "ex06_batch_gd.py", "ex07_sgd.py")}
    assert started and not absent & set(started), started  # (processes for ex06 and ex07, which fail)


LEAVES_TRACES = '''
import os, subprocess, sys

def gradient_step(v, gradient, step_size):
    for folder in ("/tmp", "/dev/shm", "/", "/etc", "/root", "/dev"):
        try:
            with open(os.path.join(folder, "gdkit-left-behind"), "w") as stream:
                stream.write("secret of the first student")
        except OSError:
            pass  # read-only: only /tmp and /dev/shm are writable, and they are wiped
    if not os.path.exists("/tmp/gdkit-locked"):  # a folder it takes its own rights away from
        os.makedirs("/tmp/gdkit-locked/inner")
        os.chmod("/tmp/gdkit-locked", 0)
    import ctypes
    ctypes.CDLL(None).shmget(4242, 4096, 0o1000 | 0o600)  # IPC_CREAT: a System V segment
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "gdkit-left-behind-process"],
                     start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [a + step_size * b for a, b in zip(v, gradient)]
'''

LOOKS_AROUND = '''
import os

def _processes():
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as stream:
                found.append(stream.read().decode(errors="replace"))
        except OSError:
            pass
    return found

print("TMP", sorted(os.listdir("/tmp")))
print("SHM", sorted(os.listdir("/dev/shm")) if os.path.isdir("/dev/shm") else [])
print("ELSEWHERE", [f for f in ("/", "/etc", "/root", "/dev") if os.path.exists(os.path.join(f, "gdkit-left-behind"))])
print("PROCESSES", [p for p in _processes() if "gdkit-left-behind" in p])
with open("/proc/sysvipc/shm") as table:
    print("IPC", table.read().splitlines()[1:])

def gradient_step(v, gradient, step_size):
    return [a + step_size * b for a, b in zip(v, gradient)]
'''


@pytest.mark.skipif(not namespaces_available(), reason="the sandbox's private /tmp needs namespaces")
def test_nothing_of_one_submission_reaches_the_next(tmp_path: Path):
    exercises = curriculum.select("3")
    (tmp_path / "first.py").write_text(LEAVES_TRACES)
    (tmp_path / "second.py").write_text(LOOKS_AROUND)
    first = submission_with(tmp_path / "first", {3: tmp_path / "first.py"})
    second = submission_with(tmp_path / "second", {3: tmp_path / "second.py"})
    sandbox = Sandbox(None, LIMITS)
    try:
        with prepared(first) as first_root, prepared(second) as second_root:
            reports = grade_prepared_many([first_root, second_root], exercises, 7, "en", sandbox)
    finally:
        sandbox.close()
    assert [r.score for r in reports] == [r.max_score for r in reports]
    seen = dict(line.split(" ", 1) for line in reports[1].exercises[0].output.splitlines())
    # A Python runtime under /tmp (a CI's venv) is mounted there read-only by the sandbox itself.
    runtime = {Path(path).parts[2] for path in runtime_paths() if Path(path).parts[1:2] == ("tmp",)}
    assert set(ast.literal_eval(seen["TMP"])) <= runtime, seen
    assert seen["SHM"] == seen["PROCESSES"] == seen["IPC"] == seen["ELSEWHERE"] == "[]", seen


@pytest.mark.skipif(not namespaces_available() or platform.machine() != "x86_64",
                    reason="the attack is x86-64 machine code; PID 1 is the sandbox's with namespaces")
def test_no_submission_takes_over_the_sandbox_s_init(tmp_path: Path):
    """PID 1 of the sandbox is spared by every reset: it must be nothing student code may trace
    or write (bwrap's own reaper was both), or a program made of it kills the next submissions."""
    exercises = curriculum.select("1-6")  # enough calls for the loop to see the next ones
    first = submission_with(tmp_path / "first", {3: HOSTILE / "ex03_hijacks_init.py"})
    honest = [submission_with(tmp_path / name, {}) for name in ("second", "third")]
    sandbox = Sandbox(None, LIMITS)
    try:
        with ExitStack() as stack:
            roots = [stack.enter_context(prepared(folder)) for folder in (first, *honest)]
            reports = grade_prepared_many(roots, exercises, 7, "en", sandbox)
    finally:
        sandbox.close()
    assert [r.score for r in reports] == [r.max_score for r in reports]


def test_calls_off_the_plan_and_nan_arguments_get_live_answers(tmp_path: Path):
    submission = submission_with(tmp_path / "s", {})
    with prepared(submission) as root:
        session = StudentSession(Sandbox(None, LIMITS), "ex16_diagnostics", root=root)
        try:
            curves = [[5.0, 4.0, math.nan], [3.0, 2.0, 1.0], [1.0, 2.0, 4.0, 8.0]]
            plan = [("diagnose_training", encode_request(request_message("call", "diagnose_training", (c,), {})))
                    for c in curves]
            session.prefetch(plan)
            session.close()  # as a batch does: the answers wait, the processes stop
            assert session.call("diagnose_training", curves[0]) == "diverging"  # NaN ≠ NaN, yet on the plan
            assert session.call("diagnose_training", curves[2]) == "diverging"  # off the plan: live
            assert session.call("diagnose_training", curves[1]) == "decreasing"
        finally:
            session.close()
            session.sandbox.close()


def test_a_timeout_in_a_plan_stops_only_that_function(tmp_path: Path):
    source = tmp_path / "slow.py"
    source.write_text("def gradient_step(v, g, s):\n    while True:\n        pass\n\n"
                      "def other(x):\n    return x + 1\n")
    submission = submission_with(tmp_path / "s", {3: source})
    with prepared(submission) as root:
        session = StudentSession(Sandbox(None, Limits(call_timeout=0.5)), "ex03_gradient_step", root=root)
        try:
            requests = [("gradient_step", request_message("call", "gradient_step", ([1.0], [1.0], 0.1), {})),
                        ("other", request_message("call", "other", (1,), {})),
                        ("gradient_step", request_message("call", "gradient_step", ([2.0], [1.0], 0.1), {})),
                        ("other", request_message("call", "other", (2,), {}))]
            session.prefetch([(key, encode_request(message)) for key, message in requests])
            outcomes = []
            for key, message in requests:
                try:
                    outcomes.append(session.call(key, *message["args"]))
                except Exception as error:  # noqa: BLE001
                    outcomes.append(type(error).__name__)
            assert outcomes == ["StudentTimeout", 2, "StudentTimeout", 3]
        finally:
            session.close()
            session.sandbox.close()


@pytest.mark.parametrize("planned", [True, False], ids=["prefetched", "live"])
def test_an_exercise_s_calls_share_one_time_budget(tmp_path: Path, monkeypatch, planned: bool):
    """Answers that each come just before the call's limit cost the limit times the number of
    calls (ex09: 270): all the calls of an exercise get EXERCISE_CALLS limits in all (at least
    EXERCISE_MINIMUM s), then time out at once."""
    from grader.sandbox import client

    monkeypatch.setattr(client, "EXERCISE_MINIMUM", 2.0)
    submission = submission_with(tmp_path / "s", {9: HOSTILE / "ex09_answers_just_in_time.py"})
    calls = [request_message("call", "constant", (k,), {}) for k in range(20)]  # 8 s, were they all answered
    with prepared(submission) as root:
        session = StudentSession(Sandbox(None, Limits(call_timeout=0.5)), "ex09_schedules", root=root)
        started = time.monotonic()
        try:
            if planned:
                session.prefetch([("constant", encode_request(message)) for message in calls])
            outcomes = []
            for message in calls:
                try:
                    outcomes.append(session.call("constant", *message["args"]))
                except Exception as error:  # noqa: BLE001
                    outcomes.append(type(error).__name__)
        finally:
            session.close()
            session.sandbox.close()
    assert time.monotonic() - started < 4.5
    assert 0 < outcomes.count(0.1) < 6 and outcomes[-1] == "StudentTimeout", outcomes


def test_the_reference_is_what_plans_are_made_from():
    from grader.plans import plans_for

    plans = plans_for(curriculum.select("3,9"), 2026)
    assert len(plans[9]) > 200 and {planned.function for planned in plans[9]} >= {"constant", "cosine_annealing"}
    assert all(planned.request["op"] in ("call", "iterate") for plan in plans.values() for planned in plan)
    assert plans_for(curriculum.select("3"), 2026)[3] is plans[3]  # made once per process, then kept


def test_answers_as_lists_or_arrays_look_like_the_reference():
    from grader.prefetch import looks_like

    expected = np.array([[1.0, 2.0], [3.0, np.nan]])
    assert looks_like([[1.0, 2.0], [3.0, math.nan]], expected)
    assert looks_like(np.array([[1, 2], [3, 4]]), np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert looks_like([np.array([0.5]), np.array([1.5])], [[0.5], [1.5]])  # a state as arrays or lists
    assert looks_like(np.array([0.1, 0.2]), [0.1, 0.2 + 1e-13])
    assert not looks_like([[1.0, 2.0], [3.0, 4.0]], expected)  # a number where NaN is
    assert not looks_like([1.0, 2.0, 3.0], np.array([1.0, 2.0]))  # another shape
    assert not looks_like([[1.0], [2.0, 3.0]], np.array([[1.0, 2.0], [3.0, 4.0]]))  # ragged
    assert not looks_like([None], np.array([math.nan]))  # None is not NaN
    assert not looks_like([True, False], np.array([1.0, 0.0]))  # booleans are not numbers
    assert not looks_like(np.array([1.0, 0.0]), np.array([True, False]))
    assert not looks_like([0.1, 0.2 + 1e-6], np.array([0.1, 0.2]))


def test_a_correct_solution_written_another_way_keeps_its_shared_answers(tmp_path: Path):
    """The independent solution returns lists where the reference returns arrays: its answers
    are the reference's, so no exercise asks again in a process of its own."""
    from grader.plans import plans_for
    from grader.prefetch import shared_answers

    exercises = curriculum.all_exercises()
    sandbox = Sandbox(None, LIMITS)
    try:
        with prepared(ALTERNATIVE) as root:
            sessions = {ex.number: StudentSession(sandbox, ex.module, root=root) for ex in exercises}
            kept = shared_answers(sessions, plans_for(exercises, 2026), sandbox)
    finally:
        sandbox.close()
    assert sorted(kept) == [ex.number for ex in exercises]


def test_submissions_answering_as_the_reference_share_its_verdicts(tmp_path: Path, monkeypatch):
    """A test runs once for all the submissions of a chunk whose answers to its exercise are
    bit for bit the reference's; every report is still the one it gets alone, and the
    reference's plans are complete (no call goes live)."""
    from grader.engine import GradingPlugin

    exercises = curriculum.select("1-5,9")
    folders = [submission_with(tmp_path / "first", {}),
               submission_with(tmp_path / "ex03", {3: MISTAKES / "ex03_step_sign_flipped.py"}),
               submission_with(tmp_path / "second", {}),
               ALTERNATIVE]
    alone = [grade_submission(folder, exercises, 7, "en", LIMITS).to_dict() for folder in folders]
    runs: dict[tuple[int, int], int] = {}
    fixture_value = GradingPlugin.fixture_value

    def counted(self, name, item, submission=0):
        if name == "check":
            key = (submission, self.exercise_of(str(item.path)))
            runs[key] = runs.get(key, 0) + 1
        return fixture_value(self, name, item, submission)

    live = []
    send = StudentSession._send
    monkeypatch.setattr(GradingPlugin, "fixture_value", counted)
    monkeypatch.setattr(StudentSession, "_send",
                        lambda self, key, encoded: live.append(key) or send(self, key, encoded))
    together = _graded_together(folders, exercises)
    assert together == alone
    assert live == []
    assert {number for (index, number) in runs if index == 0} == {1, 2, 3, 4, 5, 9}
    assert {number for (index, number) in runs if index == 1} == {3}  # its mistake; the rest as the first
    assert not any(index == 2 for index, _ in runs)  # a copy of the reference: nothing runs again
    assert {number for (index, number) in runs if index == 3} < {1, 2, 3, 4, 5, 9}  # other roundings run
