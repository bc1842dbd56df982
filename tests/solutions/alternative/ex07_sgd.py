"""Exercise 7 (alternative solution): stochastic gradient descent, one sample at a time."""
import numpy as np

from .ex05_linear_regression import mse_loss


def fit_linear_sgd(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    xs = [float(t) for t in x]
    ys = [float(t) for t in y]
    n = len(xs)
    rng = np.random.default_rng(seed)
    w = float(w0)
    b = float(b0)
    losses = []
    epoch = 0
    while epoch < epochs:
        for i in rng.permutation(n):
            i = int(i)
            err = ys[i] - (w * xs[i] + b)
            step_w = -2.0 * xs[i] * err
            step_b = -2.0 * err
            w -= learning_rate * step_w
            b -= learning_rate * step_b
        losses.append(mse_loss(w, b, xs, ys))
        epoch += 1
    return w, b, losses
