"""Exercise 17: random starts and multistart on top of exercise 4."""

import math

from exercises.ex04_gradient_descent import gradient_descent


def random_starts(n_starts, dim, eps, rng):
    return rng.uniform(-eps, eps, size=(n_starts, dim)).tolist()


def multistart(f, grad_f, starts, learning_rate=0.01, max_steps=1000):
    best = None
    for start in starts:
        last = gradient_descent(grad_f, start, learning_rate=learning_rate,
                                max_steps=max_steps)[-1]
        if not all(math.isfinite(c) for c in last):
            continue
        value = float(f(last))
        if best is None or value < best[1]:
            best = (list(last), value)
    return best
