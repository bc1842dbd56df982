# HOSTILE: floods stdout with hundreds of megabytes.
import sys


def gradient_step(v, gradient, step_size):
    line = "x" * 1023 + "\n"
    for _ in range(300 * 1024):
        sys.stdout.write(line)
    return [a + step_size * b for a, b in zip(v, gradient)]
