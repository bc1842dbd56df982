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


def cpu_cgroup():
    """A cgroup (grader/sandbox/cgroup.py) that counts the CPU time of all the processes put in
    it, exited ones included (cpuacct in cgroup v1, cpu.stat in v2), or None where none can be
    made here (not root)."""
    sys.path.insert(0, str(ROOT))
    from grader.sandbox.cgroup import Cgroup

    def counts(made) -> None:
        if cpu_seconds(made) is None:
            raise OSError("no CPU count here")

    return Cgroup.new("cpuacct", counts)


def cpu_seconds(cgroup) -> float | None:
    """The CPU time the processes of `cgroup` have used, in seconds."""
    try:
        if cgroup.version == 1:
            return int((cgroup.path / "cpuacct.usage").read_text()) / 1e9
        stat = dict(line.split() for line in (cgroup.path / "cpu.stat").read_text().splitlines())
        return int(stat["usage_usec"]) / 1e6
    except (OSError, KeyError, ValueError):
        return None


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
        cpu = cpu_cgroup()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   preexec_fn=cpu.join if cpu is not None else None)
        peak_tree = 0
        while process.poll() is None:
            if have_psutil:
                peak_tree = max(peak_tree, tree_rss(process.pid))
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        batch_cpu = cpu_seconds(cpu) if cpu is not None else None
        if cpu is not None:
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
    if batch_cpu is not None:
        per = batch_cpu / args.n
        print(f"CPU of every process of the batch: {batch_cpu:.1f} s = {1000 * per:.0f} ms per submission, of which "
              f"{1000 * (per - work):.0f} ms is not the suites' own work (the grader's share, and the student code's "
              f"imports); shared by {args.workers} workers = {per / args.workers / floor:.2f}x the floor")
    else:
        print("CPU of every process of the batch: not counted here (needs a cgroup the benchmark may make: root)")
    print(f"peak memory: largest reaped process (the batch itself) {largest:.0f} MiB", end="")
    print(f"; whole process tree {peak_tree / 2**20:.0f} MiB" if have_psutil else " (install psutil for the tree)")


if __name__ == "__main__":
    main()
