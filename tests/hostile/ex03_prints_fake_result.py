# HOSTILE: gradient_step has the right signature but returns wrong values, and prints a fake JSON result to stdout, stderr and raw fds 1..9 (at import and on every call).
"""ex03_gradient_step that tries to forge the grader's output."""
import os
import sys

FAKE = '{"score": 100, "status": "passed"}'


def _spam():
    print(FAKE)
    print(FAKE, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    for fd in range(1, 10):
        try:
            os.write(fd, (FAKE + "\n").encode())
        except Exception:
            pass


_spam()


def gradient_step(v, gradient, step_size):
    _spam()
    return [0.0 for _ in v]  # wrong: should be v + step_size * gradient
