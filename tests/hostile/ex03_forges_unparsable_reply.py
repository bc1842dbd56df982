# HOSTILE: answers its first call with a reply of its own on the request channel, well framed but
# unparsable by Python's json: arrays nested 200,000 deep (RecursionError), then exits.
import os
import socket
import struct

BODY = ('{"replies":[{"ok":%s,"id":1}]}' % ("[" * 200_000 + "]" * 200_000)).encode()


def gradient_step(v, gradient, step_size):
    for fd in range(3, 10):
        try:
            if socket.socket(fileno=os.dup(fd)).type:
                os.write(fd, struct.pack(">I", len(BODY)) + BODY)
        except OSError:
            pass
    os._exit(0)
