"""Exercise 8's known mistakes."""

import numpy as np

from reference.ex05_linear_regression import mse_gradient, mse_loss
from reference.ex08_minibatch import minibatches


def _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, batches, gradient):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for batch in batches(len(x), batch_size, rng):
            grad_w, grad_b = gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def summed_gradient(w, b, x, y):
    grad_w, grad_b = mse_gradient(w, b, x, y)
    return grad_w * len(x), grad_b * len(x)


def full_batches_only(n, batch_size, rng):
    return [batch for batch in minibatches(n, batch_size, rng) if len(batch) == batch_size]


def fit_summed(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, minibatches, summed_gradient)


def fit_dropping_last(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, full_batches_only, mse_gradient)


def fit_reseeded(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        rng = np.random.default_rng(seed)  # every epoch: the same batches every time
        for batch in minibatches(len(x), batch_size, rng):
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def fit_over_batch_size(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    def over_batch_size(w, b, xb, yb):  # the batch's sum divided by batch_size, not by len(batch)
        grad_w, grad_b = mse_gradient(w, b, xb, yb)
        return grad_w * len(xb) / batch_size, grad_b * len(xb) / batch_size
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, minibatches, over_batch_size)


def _chunks(order, size):
    """`order` cut into consecutive batches of `size` indices, the last one shorter if need be."""
    return [order[start : start + size] for start in range(0, len(order), size)]


def in_order(n, batch_size, rng):
    """0, 1, …, n − 1 cut into chunks: the rng is never used."""
    return _chunks(np.arange(n), batch_size)


def fit_in_order(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, in_order, mse_gradient)


def chosen_order(n, batch_size, rng):
    """rng.choice(n, size=n, replace=False) cut into chunks: every index once, but not in the
    order rng.permutation(n) draws from the same rng."""
    return _chunks(rng.choice(n, size=n, replace=False), batch_size)


def fit_chosen_order(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, chosen_order, mse_gradient)


def fit_global_rng(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    """np.random.seed(seed), then np.random.permutation(n) each epoch (the rng given to
    minibatches unused): numpy's legacy global generator, a RandomState, whose numbers are not
    default_rng's."""
    legacy = np.random.RandomState(seed)  # the global one, without touching the grader's

    def legacy_batches(n, size, rng):
        return _chunks(legacy.permutation(n), size)
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, legacy_batches, mse_gradient)


def fit_from_zero(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    """w, b = 0.0, 0.0 whatever w0 and b0 are."""
    return _fit(x, y, learning_rate, epochs, batch_size, seed, 0.0, 0.0, minibatches, mse_gradient)


def fit_epoch_mean_loss(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    """losses[e] = the mean of the epoch's batch losses, each mse_loss on its batch just before
    that batch's update (the running average Keras prints), not the full-data MSE after the epoch."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        batch_losses = []
        for batch in minibatches(len(x), batch_size, rng):
            batch_losses.append(mse_loss(w, b, x[batch], y[batch]))
            grad_w, grad_b = mse_gradient(w, b, x[batch], y[batch])
            w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
        losses.append(float(np.mean(batch_losses)))
    return w, b, losses


def even_split(n, batch_size, rng):
    """np.array_split(perm, ceil(n / batch_size)): as many batches as the statement's, but of
    sizes that differ by one at most (10 by 4: 4, 3, 3), not batch_size each and a shorter last
    one (4, 4, 2)."""
    perm = rng.permutation(n)
    return np.array_split(perm, -(-n // batch_size))


def fit_even_split(x, y, learning_rate=0.01, epochs=100, batch_size=32, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, batch_size, seed, w0, b0, even_split, mse_gradient)


VARIANTS = {
    "sum_instead_of_mean": {"fit_linear_minibatch": fit_summed},
    "divided_by_batch_size": {"fit_linear_minibatch": fit_over_batch_size},
    "last_batch_dropped": {"minibatches": full_batches_only, "fit_linear_minibatch": fit_dropping_last},
    "reseeded_every_epoch": {"fit_linear_minibatch": fit_reseeded},
    "no_shuffling": {"minibatches": in_order, "fit_linear_minibatch": fit_in_order},
    "choice_without_replacement": {"minibatches": chosen_order, "fit_linear_minibatch": fit_chosen_order},
    "legacy_global_rng": {"fit_linear_minibatch": fit_global_rng},
    "initial_values_ignored": {"fit_linear_minibatch": fit_from_zero},
    "epoch_mean_loss": {"fit_linear_minibatch": fit_epoch_mean_loss},
    "array_split_evenly": {"minibatches": even_split, "fit_linear_minibatch": fit_even_split},
}
