"""Running the gradings: a local process pool or an existing Dask cluster.

Both call `grade_packed` in a worker process: it writes the packed submission to a private
temporary zip and calls `grader.grading.grade_submission` on it (which itself sends every
call into student code to a sandboxed worker), and returns plain data. The batch process
only packs submissions and writes the outputs.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import tempfile
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .intake import Packed


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


def grade_packed(job: Job) -> dict:
    """Grade one packed submission; runs in a pool worker or a Dask worker.

    Returns {"student", "report": report.to_dict() | None, "error_id", "error_params",
    "internal_error"}; never raises for a bad submission or a grader failure."""
    from ..curriculum import exercise
    from ..errors import GraderError
    from ..grading import grade_submission
    from ..sandbox.client import Limits

    result = {"student": job.student, "report": None, "error_id": None, "error_params": {}, "internal_error": False}
    try:
        with tempfile.TemporaryDirectory(prefix="gdkit-batch-") as tmp:
            path = Path(tmp) / "submission.zip"
            path.write_bytes(job.data)
            report = grade_submission(path, [exercise(n) for n in job.numbers], job.seed, job.lang,
                                      Limits(call_timeout=job.timeout))
        result["report"] = report.to_dict()
        result["internal_error"] = report.internal_error
    except GraderError as error:
        result["error_id"] = error.message_id
        result["error_params"] = {k: str(v) for k, v in error.params.items()}
    except Exception as error:  # noqa: BLE001 - one submission must never stop the batch
        result["error_id"] = "batch.error.grader_failed"
        result["error_params"] = {"reason": f"{type(error).__name__}: {error}",
                                  "details": traceback.format_exc(limit=-3)}
        result["internal_error"] = True
    return result


def jobs_of(packed: Iterable[Packed], numbers: tuple[int, ...], seed: int, lang: str, timeout: float) -> list[Job]:
    return [Job(p.student, p.data, numbers, seed, lang, timeout) for p in packed if p.data is not None]


def _worker_init() -> None:
    # Pool workers keep numpy single-threaded: the parallelism is across submissions.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_local(jobs: list[Job], workers: int, on_result: Callable[[dict], None], max_restarts: int = 3) -> None:
    """Grade `jobs` (the list is emptied) in `workers` processes, calling `on_result` in this
    process as each ends.

    If a worker process dies (the pool breaks), the jobs not yet done go to a new pool, at
    most `max_restarts` times; after that the rest is reported as internal errors."""
    pending = {job.student: job for job in jobs}
    jobs.clear()  # the jobs (and their submissions' bytes) now live only in `pending`
    restarts = 0
    while pending:
        try:
            with cf.ProcessPoolExecutor(max_workers=max(1, min(workers, len(pending))), mp_context=_context(),
                                        initializer=_worker_init) as pool:
                _run_window(pool, pending, 2 * workers, on_result)
        except cf.process.BrokenProcessPool as error:
            restarts += 1
            if restarts > max_restarts:
                for student in sorted(pending):
                    on_result(failed(student, f"the worker process died: {error}"))
                return


def _run_window(pool: cf.Executor, pending: dict[str, Job], window: int, on_result: Callable[[dict], None]) -> None:
    """Keep at most `window` jobs in flight and let go of each result once handed over, so the
    batch process's memory does not grow with the class (as_completed would keep them all)."""
    queue = iter(list(pending.items()))
    in_flight: dict[cf.Future, str] = {}
    while True:
        for student, job in queue:
            in_flight[pool.submit(grade_packed, job)] = student
            if len(in_flight) >= window:
                break
        if not in_flight:
            return
        done, _ = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
        for future in done:
            student = in_flight.pop(future)
            on_result(future.result())
            pending.pop(student, None)


def failed(student: str, reason: str) -> dict:
    return {"student": student, "report": None, "error_id": "batch.error.grader_failed",
            "error_params": {"reason": reason, "details": ""}, "internal_error": True}


def run_dask(jobs: list[Job], address: str, on_result: Callable[[dict], None], connect_timeout: float = 20.0) -> None:
    """Grade `jobs` on the Dask cluster at `address`; `on_result` runs here as each ends."""
    from distributed import Client, as_completed

    try:
        client = Client(address, timeout=connect_timeout)
    except (OSError, TimeoutError) as error:
        raise SchedulerUnreachable(address, f"{type(error).__name__}: {error}") from error
    run_id = uuid.uuid4().hex
    with client:
        futures = [client.submit(grade_packed, job, key=f"gdkit-grade-{job.student}-{run_id}", pure=False,
                                 retries=1)
                   for job in jobs]
        students = {future.key: job.student for future, job in zip(futures, jobs)}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - a lost worker costs one submission, not the batch
                result = failed(students[future.key], f"{type(error).__name__}: {error}")
            on_result(result)
            future.release()

