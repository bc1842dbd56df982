# HOSTILE: ignores SIGTERM and SIGINT, then loops forever in gradient_step.
import signal

signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)


def gradient_step(v, gradient, step_size):
    while True:
        pass
