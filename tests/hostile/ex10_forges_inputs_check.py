# HOSTILE: changes h in place (a mistake test_leaves_w_and_h_unchanged catches), and at import
# replaces the worker's own `handle` (sys.modules["__main__"]) so that every `inputs` question
# (did the call change its arguments?) is answered with the arguments as received, without
# calling the function. Every other answer is right. OPEN HOLE: scores full marks, alone and in
# a batch (docs/security.md, "What the sandbox does not bound yet").
import sys

import numpy as np


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = np.asarray(h, dtype=float)
    h_new *= alpha  # h itself, when it is a float array
    h_new += learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - h_new, h_new.copy()


_worker = sys.modules["__main__"]
if hasattr(_worker, "handle"):
    _handle = _worker.handle

    def _forged(message):
        if type(message) is dict and message.get("op") == "inputs":
            protocol, loops, testfuncs = (sys.modules[name] for name in ("protocol", "loops", "testfuncs"))
            return {"ok": protocol.encode(loops.containers(protocol.decode(message.get("args", []), testfuncs.build)))}
        return _handle(message)

    _worker.handle = _forged
