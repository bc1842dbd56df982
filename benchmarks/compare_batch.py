"""Two versions of the kit grading the same class, runs interleaved: per-submission wall time and CPU.

On a shared machine the time of one `grade batch` run drifts by several percent from one
minute to the next, which hides a change of a few percent. This generates one class (as
bench_batch.py does) and runs `grade batch --workers 2` from each checkout in turn, ROUNDS
times, so that both see the same load. It prints, per run and as medians: the wall time per
submission and the busy CPU per submission (all processes, from /proc/stat, without steal).

    git worktree add /tmp/before <commit>
    python benchmarks/compare_batch.py /tmp/before . [-n 200] [--rounds 4]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import generate  # noqa: E402


def busy_cpu() -> float:
    """Seconds of CPU the whole machine has spent busy: all /proc/stat times but idle, iowait, steal."""
    with open("/proc/stat") as stat:
        user, nice, system, idle, iowait, irq, softirq, steal = map(int, stat.readline().split()[1:9])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def one_run(checkout: Path, submissions: Path, out: Path, count: int) -> tuple[float, float]:
    """Milliseconds per submission: wall time and busy CPU of `grade batch` run from `checkout`."""
    shutil.rmtree(out, ignore_errors=True)
    cpu, start = busy_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", "batch", str(submissions), "--out", str(out), "--workers", "2"],
                   cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) / count * 1000, (busy_cpu() - cpu) / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs=2, type=Path, help="two folders, each a checkout of the kit")
    parser.add_argument("-n", type=int, default=200, help="number of submissions")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    results: dict[Path, list[tuple[float, float]]] = {checkout: [] for checkout in args.checkouts}
    with tempfile.TemporaryDirectory(prefix="compare-batch-") as tmp:
        submissions = Path(tmp) / "submissions"
        generate(submissions, args.n)
        for _ in range(args.rounds):
            for checkout in args.checkouts:
                wall, cpu = one_run(checkout.resolve(), submissions, Path(tmp) / "out", args.n)
                results[checkout].append((wall, cpu))
                print(f"{checkout}: {wall:.1f} ms wall, {cpu:.1f} ms busy CPU per submission", flush=True)
    for checkout, runs in results.items():
        print(f"{checkout}: median {statistics.median(w for w, _ in runs):.1f} ms wall, "
              f"{statistics.median(c for _, c in runs):.1f} ms busy CPU per submission over {len(runs)} runs")


if __name__ == "__main__":
    main()
