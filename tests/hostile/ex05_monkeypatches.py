# HOSTILE: monkeypatches numpy, builtins and json at import, then returns wrong values.
import builtins
import json

import numpy as np

np.mean = lambda *args, **kwargs: 0.0
np.asarray = lambda *args, **kwargs: np.zeros(3)
builtins.sum = lambda *args, **kwargs: 0.0
json.dumps = lambda *args, **kwargs: '{"ok": 1.0, "id": 1}'


def mse_loss(w, b, x, y):
    return 0.0


def mse_gradient(w, b, x, y):
    return 0.0, 0.0
