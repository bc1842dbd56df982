"""Exercise 17, importing exercise 4 as it works when this file is run from its own folder, and
drawing the starts as ε(2U − 1) from rng.random: the numbers of rng.uniform(−ε, ε), which computes
−ε + 2ε·U, to round-off."""

import numpy as np
from ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return eps * (2 * rng.random((n_starts, dim)) - 1)


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    finals = [gradient_descent(grad_f, start, learning_rate, max_steps)[-1] for start in starts]
    finite = [x for x in finals if np.isfinite(x).all()]
    values = [float(f(x)) for x in finite]
    best = int(np.argmin(values))  # the first of equal values
    return finite[best], values[best]
