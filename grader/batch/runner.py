"""Running the gradings: a local process pool or an existing Dask cluster.

Both call `grade_chunk` in a worker process: it writes the packed submissions to private
temporary zips and grades them in one pytest session (`grader.grading.grade_prepared_many`),
every call into student code going to the process's warm sandbox, and returns plain data.
The batch process only packs submissions and writes the outputs.
"""

from __future__ import annotations

import concurrent.futures as cf
import concurrent.futures.process as cf_process
import multiprocessing
import os
import signal
import tempfile
import threading
import time
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..sandbox.procfs import alive
from .intake import Packed

if TYPE_CHECKING:
    from distributed import Client

    from ..errors import GraderError
    from ..lookalikes import LookAlikes
    from ..sandbox.client import Sandbox


class SchedulerUnreachable(Exception):
    """The Dask scheduler at the address given cannot be reached."""

    def __init__(self, address: str, reason: str):
        super().__init__(address, reason)
        self.address, self.reason = address, reason


@dataclass(frozen=True)
class Job:
    """What a worker needs to grade one submission (plain data, picklable)."""

    student: str
    data: bytes
    numbers: tuple[int, ...]
    seed: int
    lang: str
    timeout: float
    look_alikes: LookAlikes = ()  # found at intake in the student's folder (intake.Packed)


def grade_packed(job: Job) -> dict:
    """Grade one packed submission (see grade_chunk)."""
    return grade_chunk([job])[0]


_SANDBOX: dict[float, "Sandbox"] = {}  # this process's warm sandbox, by call time limit
# A Dask worker started with several threads would run chunks side by side: they take turns
# (one sandbox stages one submission at a time, and pytest is not thread-safe).
_ONE_AT_A_TIME = threading.Lock()


def _sandbox(timeout: float) -> "Sandbox":
    """The warm sandbox of this worker process: started once, it serves every submission the
    process grades (staged one at a time, wiped in between)."""
    from ..sandbox.client import Limits, Sandbox

    if timeout not in _SANDBOX:
        from multiprocessing.util import Finalize

        sandbox = _SANDBOX[timeout] = Sandbox(None, Limits(call_timeout=timeout))
        Finalize(sandbox, sandbox.close, exitpriority=10)  # run when a pool worker exits
    return _SANDBOX[timeout]


def grade_chunk(jobs: list[Job]) -> list[dict]:
    """Grade packed submissions (same exercises, seed, language and time limit) in one pytest
    session; runs in a pool worker or a Dask worker.

    Returns, per job, {"student", "report": report.to_dict() | None, "error_id",
    "error_params", "internal_error"}; never raises for a bad submission or a grader failure."""
    from contextlib import ExitStack

    from ..errors import GraderError
    from ..storage import temporary_prefix
    from ..submission import prepared

    results = [{"student": job.student, "report": None, "error_id": None, "error_params": {}, "internal_error": False}
               for job in jobs]
    with _ONE_AT_A_TIME, tempfile.TemporaryDirectory(prefix=temporary_prefix("batch-")) as tmp, ExitStack() as stack:
        roots, graded, graded_jobs = [], [], []
        for job, result in zip(jobs, results):
            path = Path(tmp) / f"{len(roots)}-{uuid.uuid4().hex}.zip"
            path.write_bytes(job.data)
            try:
                roots.append(stack.enter_context(prepared(path)))
                graded.append(result)
                graded_jobs.append(job)
            except GraderError as error:
                result.update(_refused(error))
        if roots:
            _grade_roots(roots, graded, graded_jobs)
    return results


def _grade_roots(roots: list[Path], results: list[dict], jobs: list[Job]) -> None:
    """Fill `results` with the grading of the prepared `roots` (of `jobs`), all in one pytest
    session, each report noted with what its job says looks like a missing exercise file. If
    the grader fails on that session as a whole, each submission is graded again on its own:
    the failure is then only that of the submission it comes from, not of its neighbours."""
    from ..curriculum import exercise
    from ..errors import GraderError
    from ..grading import grade_prepared_many
    from ..lookalikes import noted_look_alikes

    job = jobs[0]
    try:
        reports = grade_prepared_many(roots, [exercise(n) for n in job.numbers], job.seed, job.lang,
                                      _sandbox(job.timeout))
        for result, report, its_job in zip(results, reports, jobs):
            report = noted_look_alikes(report, its_job.look_alikes, job.lang)
            result["report"] = report.to_dict()
            result["internal_error"] = report.internal_error
    except GraderError as error:  # e.g. no recorded answers for this seed
        for result in results:
            result.update(_refused(error))
    except Exception as error:  # noqa: BLE001 - a failure of the grader must never stop the batch
        if len(roots) > 1:
            for root, result, its_job in zip(roots, results, jobs):
                _grade_roots([root], [result], [its_job])
            return
        for result in results:
            result.update(failed(result["student"], f"{type(error).__name__}: {error}", traceback.format_exc(limit=-3)))


def _on_terminate(signum: int, frame: object) -> None:
    """SIGTERM in a pool worker: the batch stopping its pool (Ctrl-C). Killed outright, a
    worker left its copies of the submissions and its sandbox's folder in the temporary folder."""
    stop_this_worker(0)


def stop_this_worker(code: int) -> None:
    """End this worker process now, leaving nothing behind: kill its sandboxes' zygotes (and
    all inside), remove every temporary folder it made (gdkit-<pid>-…: the chunk's zips, the
    submissions' copies, the sandbox's folder), exit with `code`."""
    from ..storage import remove_own_temporary_folders

    for sandbox in list(_SANDBOX.values()):
        process = getattr(sandbox, "_process", None)
        try:
            if process is not None:
                os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass
    remove_own_temporary_folders()
    os._exit(code)


def _refused(error: GraderError) -> dict:
    """The fields of a result that a GraderError (a broken submission, a missing recording) decided."""
    return {"error_id": error.message_id, "error_params": {k: str(v) for k, v in error.params.items()}}


def jobs_of(packed: Iterable[Packed], numbers: tuple[int, ...], seed: int, lang: str, timeout: float) -> list[Job]:
    return [Job(p.student, p.data, numbers, seed, lang, timeout, p.look_alikes) for p in packed if p.data is not None]


@dataclass(frozen=True)
class WarmUp:
    """What a worker process prepares before its first chunk: the exercises' plans for the
    seed and its warm sandbox; started with the pool, this overlaps with the batch process
    packing the submissions."""

    numbers: tuple[int, ...]
    seed: int
    timeout: float


def _worker_init(warm_up: WarmUp | None = None, batch_pid: int | None = None) -> None:
    if batch_pid is not None:
        exit_with(batch_pid)
    # Ctrl-C is the batch process's to handle: it stops the pool (stop_now), whose SIGTERM
    # each worker turns into a clean stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    # Pool workers keep numpy single-threaded: the parallelism is across submissions.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    import warnings

    from ..sandbox.isolation import SandboxFallback

    warnings.simplefilter("ignore", SandboxFallback)  # the batch process said it once (batch/cli.py)
    if warm_up is None:
        return
    try:
        from ..curriculum import exercise
        from ..plans import plans_for

        _sandbox(warm_up.timeout).start()
        plans_for([exercise(n) for n in warm_up.numbers], warm_up.seed)
    except Exception:  # noqa: BLE001 - only a head start: the first chunk meets (and reports) the same failure
        pass


def exit_with(pid: int, poll_seconds: float = 1.0) -> threading.Thread:
    """End this worker process as soon as the batch process `pid` is gone (a `kill -9` of
    `grade batch`: nothing tells a pool worker blocked on its queue, and it would wait, with
    its warm sandbox, forever). A daemon thread waits for the exit (a pidfd, else polling;
    under forkserver our parent is the fork server, not the batch), kills the sandboxes'
    zygotes (and all inside) and exits; the fork server and the resource tracker, whose last
    users the workers were, go too."""

    def watch() -> None:
        try:
            handle = os.pidfd_open(pid)
        except (AttributeError, OSError):
            handle = None
        if handle is not None:
            import select

            select.select([handle], [], [])  # readable once the process has exited
        else:
            while alive(pid):
                time.sleep(poll_seconds)
        stop_this_worker(1)

    if not alive(pid):
        watch()
    thread = threading.Thread(target=watch, name="gdkit-exit-with-batch", daemon=True)
    thread.start()
    return thread


def start_pool(workers: int, warm_up: WarmUp | None = None) -> cf.ProcessPoolExecutor:
    """A pool of `workers` processes, all started now (each warming up) rather than on demand;
    each ends by itself if this process is killed (exit_with)."""
    pool = cf.ProcessPoolExecutor(max_workers=max(1, workers), mp_context=_context(), initializer=_worker_init,
                                  initargs=(warm_up, os.getpid()))
    for _ in range(max(1, workers)):
        pool.submit(int)  # a process is started per task submitted while none is idle
    return pool


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_local(jobs: list[Job], workers: int, on_result: Callable[[dict], None], max_restarts: int = 3,
              pool: cf.ProcessPoolExecutor | None = None) -> None:
    """Grade `jobs` (the list is emptied) in `workers` processes (`pool`, if one was started
    already), calling `on_result` in this process as each ends.

    A worker process grades a chunk of submissions at a time (one pytest session, one warm
    sandbox); chunks are small enough to keep both workers busy to the end. If a worker
    process dies (the pool breaks), the jobs not yet done go to a new pool, at most
    `max_restarts` times; after that the rest is reported as internal errors."""
    pending = {job.student: job for job in jobs}
    jobs.clear()  # the jobs (and their submissions' bytes) now live only in `pending`
    restarts = 0
    while pending:
        running, pool = pool or start_pool(min(workers, len(pending))), None
        try:
            with running:
                try:
                    _run_window(running, pending, workers, on_result)
                except KeyboardInterrupt:
                    stop_now(running)
                    raise
        except cf.process.BrokenProcessPool as error:
            restarts += 1
            if restarts > max_restarts:
                for student in sorted(pending):
                    on_result(failed(student, f"the worker process died: {error}"))
                return


def stop_now(pool: cf.ProcessPoolExecutor) -> None:
    """Ctrl-C: drop the chunks not started and stop the worker processes now, rather than
    let them grade what is queued (a hanging submission would hold the command for its whole
    time limit); their sandboxes go with them."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # (shutdown forgets the manager thread and its wake-up: taken first)
    manager = getattr(pool, "_executor_manager_thread", None)
    wakeup = getattr(pool, "_executor_manager_thread_wakeup", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    # CPython 3.11 wakes, at exit, every pool's manager thread through a pipe that thread may
    # be closing at that moment: "OSError: Bad file descriptor", printed as a traceback after
    # our message (fixed in 3.12). Let the thread end and take it off that list; if it is still
    # ending (a loaded machine), its wake-up at exit may find the pipe closed: say nothing.
    if wakeup is not None:
        wakeup.wakeup = _quiet(wakeup.wakeup)
    if manager is not None:
        manager.join(timeout=10)
        wakeups = getattr(cf_process, "_threads_wakeups", None)
        if wakeups is not None and not manager.is_alive():
            wakeups.pop(manager, None)


def _quiet(wake: Callable[[], None]) -> Callable[[], None]:
    """A pool manager's wake-up that ignores a pipe closed under it (CPython < 3.12)."""

    def wake_quietly() -> None:
        try:
            wake()
        except OSError:
            pass

    return wake_quietly


MAX_CHUNK = 16


def chunks(students: list[str], workers: int) -> Iterator[list[str]]:
    """Submissions per pytest session: up to MAX_CHUNK, smaller towards the end (a chunk is
    at most half of what is left per worker), so that no worker idles while another
    finishes a long last chunk."""
    start = 0
    while start < len(students):
        size = max(1, min(MAX_CHUNK, (len(students) - start) // (2 * max(1, workers))))
        yield students[start:start + size]
        start += size


def _run_window(pool: cf.Executor, pending: dict[str, Job], workers: int, on_result: Callable[[dict], None]) -> None:
    """Keep at most two chunks per worker in flight and let go of each result once handed
    over, so the batch process's memory does not grow with the class."""
    waiting = chunks(list(pending), workers)
    in_flight: dict[cf.Future, list[str]] = {}
    while True:
        for chunk in waiting:
            in_flight[pool.submit(grade_chunk, [pending[student] for student in chunk])] = chunk
            if len(in_flight) >= 2 * workers:
                break
        if not in_flight:
            return
        done, _ = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
        for future in done:
            in_flight.pop(future)
            for result in future.result():
                on_result(result)
                pending.pop(result["student"], None)


def failed(student: str, reason: str, details: str = "") -> dict:
    return {"student": student, "report": None, "error_id": "batch.error.grader_failed",
            "error_params": {"reason": reason, "details": details}, "internal_error": True}


CONNECT_TIMEOUT = 20.0  # seconds to reach the Dask scheduler


def connect(address: str, timeout: float | None = None) -> "Client":
    """A client of the Dask scheduler at `address` (SchedulerUnreachable if it cannot be
    reached): the batch connects before it writes anything, so a wrong address leaves the
    output folder as it was."""
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT if timeout is None else timeout)
    except (OSError, TimeoutError) as error:
        raise SchedulerUnreachable(address, f"{type(error).__name__}: {error}") from error


NO_WORKER_GRACE = 60.0  # seconds without any Dask worker before the students left are grader failures
WATCH_INTERVAL = 1.0


def run_dask(jobs: list[Job], client: "Client", on_result: Callable[[dict], None]) -> None:
    """Grade `jobs` on the Dask cluster of `client` (see connect); `on_result` runs here as each
    ends. When no worker is connected for NO_WORKER_GRACE seconds (none was started, or each
    left: a worker without the kit stops at its first task), the students still waiting are
    grader failures (graded again by the next run) instead of a batch that waits forever."""
    import asyncio

    from distributed import wait

    run_id = uuid.uuid4().hex
    futures = [client.submit(grade_packed, job, key=f"gdkit-grade-{job.student}-{run_id}", pure=False, retries=1)
               for job in jobs]
    students = {future.key: job.student for future, job in zip(futures, jobs)}
    pending, alone_since = set(futures), None
    while pending:
        try:
            done, pending = wait(pending, timeout=WATCH_INTERVAL, return_when="FIRST_COMPLETED")
        except (TimeoutError, asyncio.TimeoutError):  # two classes on Python 3.10
            done = set()
        for future in done:
            on_result(_dask_result(future, students[future.key]))
            future.release()
        if done or client.scheduler_info().get("workers"):
            alone_since = None
        elif alone_since is None:
            alone_since = time.monotonic()
        elif time.monotonic() - alone_since > NO_WORKER_GRACE:
            for future in pending:
                on_result(failed(students[future.key], f"no Dask worker connected to the scheduler for {NO_WORKER_GRACE:g} s: "
                                                       "start workers with gdkit installed, docs/cluster.md"))
            client.cancel(list(pending))
            return


def _dask_result(future: object, student: str) -> dict:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a lost worker costs one submission, not the batch
        return failed(student, f"{type(error).__name__}: {error}")
