"""Throughput of `grade batch`: wall time per submission, as a ratio to `python -c "import numpy"`.

Generates N submissions (a class: one in four a copy of the reference, one in four the
independent solution of tests/solutions/alternative, which returns lists where the reference
returns arrays and rounds differently, and every other one the reference with one file of
tests/mistakes/, in turn; one zip in ten), grades them with `grade batch --workers 2` (all exercises
unless --exercises), and prints:
  - the floor: median wall time of `python -c "import numpy"` (measured in the same run);
  - the batch's wall time, the time per submission and its ratio to the floor;
  - the suites' own work: the CPU time the reference takes to answer, in this process, every
    call the hidden suites make of one submission (no sandbox, no pytest, no comparison), as a
    ratio to the floor when shared by the workers: what no grader of these suites goes below;
  - the CPU time of every process of the batch (the batch, its pool workers, their sandboxes),
    per submission, where a cgroup can count it (as root: grader/sandbox/cgroup.py), and what
    of it is not the suites' own work: the grader's share;
  - peak memory: the largest reaped child (getrusage; pool workers under forkserver are not
    reaped by this script, so this is the batch process itself) and, with psutil, the
    peak of the whole process tree summed (the batch, its pool workers and their sandboxes).

    python benchmarks/bench_batch.py [-n 200] [--workers 2] [--exercises all]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
MISTAKES = ROOT / "tests" / "mistakes"
ALTERNATIVE = ROOT / "tests" / "solutions" / "alternative"
FLOOR = [sys.executable, "-c", "import numpy"]


def generate(folder: Path, count: int) -> None:
    mistakes = sorted(MISTAKES.glob("ex*.py"))
    for i in range(count):
        student = folder / f"student{i:04d}"
        student.mkdir(parents=True)
        correct = ALTERNATIVE if i % 4 == 2 else REFERENCE
        for path in correct.glob("ex*.py"):
            shutil.copyfile(path, student / path.name)
        if i % 2:  # every other student has one known mistake
            mistake = mistakes[(i // 2) % len(mistakes)]
            (target,) = student.glob(mistake.name[:4] + "_*.py")
            shutil.copyfile(mistake, target)
        if i % 10 == 9:
            shutil.make_archive(str(student), "zip", student)
            shutil.rmtree(student)


def floor_time(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(FLOOR, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def suites_own_work(spec: str, runs: int = 5) -> float:
    """CPU seconds for the reference to answer every planned call of one submission, in-process
    (decoding the arguments included, as a worker must), median of `runs`."""
    import importlib
    import warnings

    import numpy as np

    sys.path.insert(0, str(ROOT))
    from grader import curriculum, plans
    from grader.grading import DEFAULT_SEED
    from grader.sandbox import loops, protocol, testfuncs

    calls = []
    for number, plan in plans.plans_for(curriculum.select(spec), DEFAULT_SEED).items():
        module = importlib.import_module(f"reference.{curriculum.exercise(number).module}")
        calls += [(p.request["op"], getattr(module, p.request["function"]), p.request["args"], p.request["kwargs"])
                  for p in plan]
    times = []
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(runs):
            start = time.process_time()
            for op, function, args, kwargs in calls:
                args, kwargs = protocol.decode(args, testfuncs.build), protocol.decode(kwargs, testfuncs.build)
                try:
                    function(*args, **kwargs) if op in ("call", "inputs") else loops.iterate(function, *args, **kwargs)
                except Exception:  # noqa: BLE001 - some calls are meant to raise
                    pass
            times.append(time.process_time() - start)
    return statistics.median(times)


class CpuCount:
    """A cgroup that counts the CPU time of all the processes put in it (`join`, in a child
    before exec), exited ones included: cpuacct.usage (v1) or cpu.stat's usage_usec (v2)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.version = 0
        sys.path.insert(0, str(ROOT))
        from grader.sandbox.cgroup import candidate_parents

        try:
            found = candidate_parents(Path("/proc/self/cgroup").read_text(), Path("/proc/self/mountinfo").read_text(),
                                      "cpuacct")
        except OSError:
            found = []
        for parent, version in found:
            path = parent / f"gdkit-bench-{os.getpid()}"
            try:
                path.mkdir()
            except OSError:
                continue
            if self._read(path, version) is None:
                path.rmdir()
                continue
            self.path, self.version = path, version
            break

    @staticmethod
    def _read(path: Path, version: int) -> float | None:
        try:
            if version == 1:
                return int((path / "cpuacct.usage").read_text()) / 1e9
            stat = dict(line.split() for line in (path / "cpu.stat").read_text().splitlines())
            return int(stat["usage_usec"]) / 1e6
        except (OSError, KeyError, ValueError):
            return None

    def join(self) -> None:
        if self.path is not None:
            (self.path / "cgroup.procs").write_text("0")

    def seconds(self) -> float | None:
        return None if self.path is None else self._read(self.path, self.version)

    def remove(self) -> None:
        if self.path is not None:
            for _ in range(100):
                try:
                    self.path.rmdir()
                    return
                except OSError:
                    time.sleep(0.05)


def tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="number of submissions")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--exercises", default="all")
    args = parser.parse_args()
    try:
        import psutil  # noqa: F401
        have_psutil = True
    except ImportError:
        have_psutil = False
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        submissions, out = Path(tmp) / "submissions", Path(tmp) / "out"
        generate(submissions, args.n)
        floor_before = floor_time()
        work_before = suites_own_work(args.exercises)  # (before and after, as the floor: this machine's speed drifts)
        command = [sys.executable, "-m", "grader", "batch", str(submissions), "--out", str(out),
                   "--workers", str(args.workers), "--exercises", args.exercises]
        cpu = CpuCount()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   preexec_fn=cpu.join)
        peak_tree = 0
        while process.poll() is None:
            if have_psutil:
                peak_tree = max(peak_tree, tree_rss(process.pid))
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        cpu_seconds = cpu.seconds()
        cpu.remove()
        output = process.stdout.read()
        if process.returncode != 0:
            raise SystemExit(f"grade batch exited with {process.returncode}:\n{output}")
        floor = statistics.median([floor_before, floor_time()])
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB -> MiB on Linux
    per_submission = elapsed / args.n
    print(output.strip())
    print(f"floor  python -c 'import numpy': median {floor:.3f} s")
    print(f"grade batch: {args.n} submissions, {args.workers} workers, exercises {args.exercises}: {elapsed:.1f} s wall")
    print(f"per submission: {per_submission:.3f} s = {per_submission / floor:.2f}x the floor")
    work = (work_before + suites_own_work(args.exercises)) / 2
    print(f"the suites' own work: {1000 * work:.0f} ms CPU per submission (the reference answering every call, "
          f"in-process); shared by {args.workers} workers = {work / args.workers / floor:.2f}x the floor")
    if cpu_seconds is not None:
        per = cpu_seconds / args.n
        print(f"CPU of every process of the batch: {cpu_seconds:.1f} s = {1000 * per:.0f} ms per submission, of which "
              f"{1000 * (per - work):.0f} ms is not the suites' own work (the grader's share, and the student code's "
              f"imports); shared by {args.workers} workers = {per / args.workers / floor:.2f}x the floor")
    else:
        print("CPU of every process of the batch: not counted here (needs a cgroup the benchmark may make: root)")
    print(f"peak memory: largest reaped process (the batch itself) {largest:.0f} MiB", end="")
    print(f"; whole process tree {peak_tree / 2**20:.0f} MiB" if have_psutil else " (install psutil for the tree)")


if __name__ == "__main__":
    main()
