# HOSTILE: forks children that each fill 300 MB, well under the per-process limit (RLIMIT_AS),
# and returns the right answer only if they all lived: together they hold what no limit of a
# single process bounds. The sandbox's memory cgroup (grader/sandbox/cgroup.py) does.
import os
import time

CHILDREN, MEGABYTES = 4, 300
OUTCOME = []


def _hoard() -> bool:
    pids = []
    for _ in range(CHILDREN):
        pid = os.fork()
        if pid == 0:
            hoard = b"\x01" * (MEGABYTES << 20)  # written, so held: not a lazy mapping
            time.sleep(2)
            os._exit(0 if hoard else 1)
        pids.append(pid)
    return all(os.waitpid(pid, 0)[1] == 0 for pid in pids)


def gradient_step(v, gradient, step_size):
    if not OUTCOME:
        OUTCOME.append(_hoard())
        print("HOARDED" if OUTCOME[0] else "STOPPED")
    if not OUTCOME[0]:
        raise MemoryError("a child was stopped")
    return [a + step_size * b for a, b in zip(v, gradient)]
