# HOSTILE: searches the disk and sys.path for the reference solution and copies it.
import os
import sys


def _find_reference():
    roots = list(sys.path) + ["/", "/work", "/root", "/home", "/tmp"]
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")][:50]
            if os.path.basename(folder) == "reference" and "ex03_gradient_step.py" in files:
                return os.path.join(folder, "ex03_gradient_step.py")
    return None


def gradient_step(v, gradient, step_size):
    path = _find_reference()
    if path is None:
        return [0.0 for _ in v]
    namespace = {}
    exec(open(path).read(), namespace)
    return namespace["gradient_step"](v, gradient, step_size)
