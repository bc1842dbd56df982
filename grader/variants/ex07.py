"""Exercise 7's known mistakes: the reference's loop with its order of the samples or its
update step misread."""

import itertools

import numpy as np

from reference.ex05_linear_regression import mse_loss


def _fit(x, y, learning_rate, epochs, w0, b0, orders, step):
    """SGD with its two choices given: `orders(n)` yields each epoch's order of the samples,
    `step(w, b, x_i, y_i, learning_rate)` updates (w, b) on one sample."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w, b, losses = float(w0), float(b0), []
    for order in itertools.islice(orders(len(x)), epochs):
        for i in order:
            w, b = step(w, b, x[i], y[i], learning_rate)
        losses.append(mse_loss(w, b, x, y))
    return w, b, losses


def _together(w, b, xi, yi, learning_rate):
    r = yi - (w * xi + b)
    return w + learning_rate * 2 * xi * r, b + learning_rate * 2 * r


def _w_then_b(w, b, xi, yi, learning_rate):
    w = w + learning_rate * 2 * xi * (yi - (w * xi + b))
    return w, b + learning_rate * 2 * (yi - (w * xi + b))  # with the new w


def _halved(w, b, xi, yi, learning_rate):
    """The gradient of (y_i − (w x_i + b))² without its factor 2: (−x_i r_i, −r_i)."""
    r = yi - (w * xi + b)
    return w + learning_rate * xi * r, b + learning_rate * r


def _shuffled(seed):
    def orders(n):
        rng = np.random.default_rng(seed)
        while True:
            yield rng.permutation(n)
    return orders


def fit_in_order(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, w0, b0, lambda n: itertools.repeat(range(n)), _together)


def fit_reseeded(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    every_epoch_anew = lambda n: (np.random.default_rng(seed).permutation(n) for _ in itertools.count())  # noqa: E731
    return _fit(x, y, learning_rate, epochs, w0, b0, every_epoch_anew, _together)  # the same order every time


def fit_sequential(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, w0, b0, _shuffled(seed), _w_then_b)


def fit_without_factor_2(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    return _fit(x, y, learning_rate, epochs, w0, b0, _shuffled(seed), _halved)


def fit_loss_before_epoch(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """losses[e] = the full-data MSE at the start of epoch e, before its n updates: the loss
    after epoch e − 1, the first one at (w0, b0)."""
    w, b, after = _fit(x, y, learning_rate, epochs, w0, b0, _shuffled(seed), _together)
    first = mse_loss(float(w0), float(b0), np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return w, b, [first, *after][:epochs]


def fit_global_rng(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """np.random.seed(seed), then np.random.permutation(n) (or shuffle) each epoch: numpy's
    legacy global generator, a RandomState, whose numbers are not default_rng's."""
    def orders(n):
        legacy = np.random.RandomState(seed)  # the global one, without touching the grader's
        while True:
            yield legacy.permutation(n)
    return _fit(x, y, learning_rate, epochs, w0, b0, orders, _together)


def fit_with_replacement(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """n indices drawn with replacement each epoch: rng.integers(n) per step, rng.integers(0, n, size=n)
    or rng.choice(n, size=n), which all draw the same numbers from one default_rng(seed)."""
    def orders(n):
        rng = np.random.default_rng(seed)
        while True:
            yield rng.integers(0, n, size=n)
    return _fit(x, y, learning_rate, epochs, w0, b0, orders, _together)


def fit_choice_without_replacement(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """Each epoch's order from rng.choice(n, size=n, replace=False): every sample once, as with
    rng.permutation(n), but numpy draws it otherwise, so the same seed gives another order."""
    def orders(n):
        rng = np.random.default_rng(seed)
        while True:
            yield rng.choice(n, size=n, replace=False)
    return _fit(x, y, learning_rate, epochs, w0, b0, orders, _together)


def _unpaired(x, y, learning_rate, epochs, seed, w0, b0, shuffle_y, in_place):
    """SGD over (x', y') where x' is x shuffled each epoch and y' is y unshuffled (or shuffled by
    the next permutation); `in_place`: the shuffles accumulate over the epochs (rng.shuffle(x))
    and the loss is taken on the shuffled arrays."""
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    xs, ys = x, y
    for _ in range(epochs):
        xs = (xs if in_place else x)[rng.permutation(len(x))]
        if shuffle_y:
            ys = ys[rng.permutation(len(y))]
        for i in range(len(x)):
            w, b = _together(w, b, xs[i], ys[i], learning_rate)
        losses.append(mse_loss(w, b, xs, ys) if in_place else mse_loss(w, b, x, y))
    return w, b, losses


def fit_x_shuffled(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """x_shuffled = x[rng.permutation(n)] each epoch, paired with y as it is."""
    return _unpaired(x, y, learning_rate, epochs, seed, w0, b0, False, False)


def fit_x_shuffled_in_place(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """rng.shuffle(x) each epoch (x itself reordered, again and again), y as it is."""
    return _unpaired(x, y, learning_rate, epochs, seed, w0, b0, False, True)


def fit_two_shuffles(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """rng.shuffle(x); rng.shuffle(y) each epoch: two different permutations."""
    return _unpaired(x, y, learning_rate, epochs, seed, w0, b0, True, True)


def _sample_losses(x, y, learning_rate, epochs, seed, w0, b0, before_update):
    """The reference's SGD, with losses[e] the squared residual of the epoch's last sample
    instead of the full-data MSE: taken after its update, or the residual the update used."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        for i in rng.permutation(len(x)):
            r = y[i] - (w * x[i] + b)
            w, b = _together(w, b, x[i], y[i], learning_rate)
        losses.append(float(r**2 if before_update else (y[i] - (w * x[i] + b)) ** 2))
    return w, b, losses


def fit_sample_loss(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """losses.append((y[i] − (w x[i] + b))²) after the epoch: the last sample's loss, not the MSE."""
    return _sample_losses(x, y, learning_rate, epochs, seed, w0, b0, False)


def fit_sample_loss_before_update(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """losses.append(residual ** 2) with the residual of the epoch's last update (before it)."""
    return _sample_losses(x, y, learning_rate, epochs, seed, w0, b0, True)


def fit_epoch_mean_loss(x, y, learning_rate=0.01, epochs=100, seed=0, w0=0.0, b0=0.0):
    """losses[e] = the mean of the epoch's n sample losses (y_i − (w x_i + b))², each taken just
    before its own update (the running average Keras prints), not the full-data MSE after the epoch."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    rng = np.random.default_rng(seed)
    w, b, losses = float(w0), float(b0), []
    for _ in range(epochs):
        sample_losses = []
        for i in rng.permutation(len(x)):
            sample_losses.append((y[i] - (w * x[i] + b)) ** 2)
            w, b = _together(w, b, x[i], y[i], learning_rate)
        losses.append(float(np.mean(sample_losses)))
    return w, b, losses


VARIANTS = {"no_shuffling": {"fit_linear_sgd": fit_in_order}, "reseeded_every_epoch": {"fit_linear_sgd": fit_reseeded},
            "sequential_update": {"fit_linear_sgd": fit_sequential}, "legacy_global_rng": {"fit_linear_sgd": fit_global_rng},
            "sampling_with_replacement": {"fit_linear_sgd": fit_with_replacement},
            "choice_without_replacement": {"fit_linear_sgd": fit_choice_without_replacement},
            "pairs_broken": {"fit_linear_sgd": fit_x_shuffled},
            "pairs_broken/shuffled_in_place": {"fit_linear_sgd": fit_x_shuffled_in_place},
            "pairs_broken/two_shuffles": {"fit_linear_sgd": fit_two_shuffles},
            "sample_loss_recorded": {"fit_linear_sgd": fit_sample_loss},
            "sample_loss_recorded/before_its_update": {"fit_linear_sgd": fit_sample_loss_before_update},
            "gradient_missing_factor_2": {"fit_linear_sgd": fit_without_factor_2},
            "loss_before_update": {"fit_linear_sgd": fit_loss_before_epoch},
            "epoch_mean_loss": {"fit_linear_sgd": fit_epoch_mean_loss}}
