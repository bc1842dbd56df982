"""Exercise 17, importing exercise 4 as it works when this file is run from its own folder."""

import numpy as np
from ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, (n_starts, dim))


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    finals = [gradient_descent(grad_f, start, learning_rate, max_steps)[-1] for start in starts]
    finite = [x for x in finals if np.isfinite(x).all()]
    values = [float(f(x)) for x in finite]
    best = int(np.argmin(values))  # the first of equal values
    return finite[best], values[best]
