# HOSTILE: tries to change files outside its sandbox (the path is put here by the test).
TARGETS = __TARGETS__


def gradient_step(v, gradient, step_size):
    for path in TARGETS:
        try:
            with open(path, "a") as stream:
                stream.write("tampered\n")
        except OSError:
            pass
    return [0.0 for _ in v]
