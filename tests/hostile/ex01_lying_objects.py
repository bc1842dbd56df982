# HOSTILE: returns objects that lie: __array__, __float__ with side effects, __eq__ always True.
import numpy as np

SIDE_EFFECTS = []


class Liar:
    def __init__(self, values):
        self.values = values

    def __array__(self, dtype=None, copy=None):
        SIDE_EFFECTS.append("array")
        return np.asarray(self.values, dtype=dtype)

    def __float__(self):
        SIDE_EFFECTS.append("float")
        return 0.0

    def __eq__(self, other):
        return True

    def __len__(self):
        return len(self.values)


def sum_of_squares(v):
    return Liar(sum(x * x for x in v))


def sum_of_squares_gradient(v):
    return Liar([2 * x for x in v])
