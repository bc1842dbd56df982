# HOSTILE: starts a daemon (new session) that would outlive the grading; it carries a marker.
import os
import subprocess
import sys

MARKER = "gdkit-hostile-daemon-marker"


def gradient_step(v, gradient, step_size):
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", MARKER], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.fork() == 0:
        os.setsid()
        os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(600)", MARKER])
    return [a + step_size * b for a, b in zip(v, gradient)]
