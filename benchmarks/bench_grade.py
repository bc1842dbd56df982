"""Start-up cost of `grade exercise 3` on a correct submission, as a ratio to a floor.

The floor is `python -c "import numpy, pytest"`: what any pytest run of numpy code pays
before its first test. Both commands are timed interleaved in one run (so machine load hits
both alike) and the ratio of the medians is printed. Goal: <= 1.5.

    python benchmarks/bench_grade.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import numpy, pytest"]
GRADE = [sys.executable, "-m", "grader", "exercise", "3", "--submission", str(ROOT / "reference")]


# Both commands run as on a student's machine, where Python caches bytecode (numpy and pytest
# have theirs from pip; PYTHONDONTWRITEBYTECODE, set in some shells, would make only the
# grader's own modules recompile on every run).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENVIRONMENT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {done.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    wall_time(GRADE)  # warm the file cache (and the bytecode cache) once
    floor, grade = [], []
    for _ in range(runs):
        floor.append(wall_time(FLOOR))
        grade.append(wall_time(GRADE))
    floor_median, grade_median = statistics.median(floor), statistics.median(grade)
    print(f"floor  python -c 'import numpy, pytest': median {floor_median:.3f} s over {runs} runs")
    print(f"grade exercise 3 (correct submission):  median {grade_median:.3f} s over {runs} runs")
    print(f"ratio: {grade_median / floor_median:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
