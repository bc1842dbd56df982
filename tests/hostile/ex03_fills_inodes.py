# HOSTILE: makes empty folders in its private /tmp for a few seconds. They take no bytes of the
# tmpfs's size, but each costs the kernel memory (about a kilobyte: 1 GB in 8 s here), which no
# limit of the process counts. The sandbox's memory cgroup (grader/sandbox/cgroup.py) does.
import os
import time

SECONDS = 6
OUTCOME = []


def _fill() -> int:
    made, start = 0, time.monotonic()
    while time.monotonic() - start < SECONDS:
        try:
            os.mkdir(f"/tmp/gdkit-inode-{made}")
        except OSError:
            break
        made += 1
    return made


def gradient_step(v, gradient, step_size):
    if not OUTCOME:
        OUTCOME.append(_fill())
        print("MADE", OUTCOME[0])
    return [a + step_size * b for a, b in zip(v, gradient)]
