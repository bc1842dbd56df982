# HOSTILE: opens network connections (to a port named in GDKIT_HOSTILE_PORT, set by the test).
import os
import socket

PORT = int(os.environ.get("GDKIT_HOSTILE_PORT", "0") or 0) or __PORT__


def gradient_step(v, gradient, step_size):
    for host in ("127.0.0.1", "localhost"):
        try:
            socket.create_connection((host, PORT), timeout=0.5).sendall(b"stolen")
        except OSError:
            pass
    return [0.0 for _ in v]
