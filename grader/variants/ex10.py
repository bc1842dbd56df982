"""Exercise 10's known mistakes."""

import numpy as np


def damped(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = alpha * np.asarray(h, dtype=float) + (1 - alpha) * learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - h_new, h_new


def velocity_without_learning_rate(w, grad, h, learning_rate=0.01, alpha=0.9):
    """torch.optim.SGD's form: b = α b + g; w − η b (the same iterates, another h)."""
    h_new = alpha * np.asarray(h, dtype=float) + np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * h_new, h_new


def velocity_sign_flipped(w, grad, h, learning_rate=0.01, alpha=0.9):
    """v = α v − η g; w + v: the velocity with the other sign."""
    v_new = alpha * np.asarray(h, dtype=float) - learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) + v_new, v_new


def averaged(w, grad, h, learning_rate=0.01, alpha=0.9):
    """h = α h + (1 − α) g, an average of the gradients; w − η h."""
    h_new = alpha * np.asarray(h, dtype=float) + (1 - alpha) * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * h_new, h_new


def damped_without_learning_rate(w, grad, h, learning_rate=0.01, alpha=0.9):
    """h = α h + (1 − α) g; w − h: the formula the statement names as another method, taken
    as it is written there (no η at all)."""
    h_new = alpha * np.asarray(h, dtype=float) + (1 - alpha) * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - h_new, h_new


def learning_rate_twice(w, grad, h, learning_rate=0.01, alpha=0.9):
    """h = α h + η g as on the slides, then torch's step w − η h: η is applied twice."""
    h_new = alpha * np.asarray(h, dtype=float) + learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * h_new, h_new


def step_with_old_velocity(w, grad, h, learning_rate=0.01, alpha=0.9):
    """w_new = w − h with the h that came in, then h_new = α h + η g: the two lines in the
    other order (the step lags one velocity behind)."""
    h = np.asarray(h, dtype=float)
    return np.asarray(w, dtype=float) - h, alpha * h + learning_rate * np.asarray(grad, dtype=float)


def signs_mixed(w, grad, h, learning_rate=0.01, alpha=0.9):
    """v = α v − η g (the other books' velocity), then the slides' step w − v: uphill."""
    v_new = alpha * np.asarray(h, dtype=float) - learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) - v_new, v_new


def signs_mixed_step_added(w, grad, h, learning_rate=0.01, alpha=0.9):
    """h = α h + η g (the slides' velocity), then the other books' step w + h: uphill."""
    h_new = alpha * np.asarray(h, dtype=float) + learning_rate * np.asarray(grad, dtype=float)
    return np.asarray(w, dtype=float) + h_new, h_new


VARIANTS = {"damped_momentum": {"momentum_update": damped},
            "velocity_without_learning_rate": {"momentum_update": velocity_without_learning_rate},
            "velocity_sign_flipped": {"momentum_update": velocity_sign_flipped},
            "learning_rate_twice": {"momentum_update": learning_rate_twice},
            "step_with_old_velocity": {"momentum_update": step_with_old_velocity},
            "velocity_signs_mixed": {"momentum_update": signs_mixed},
            "velocity_signs_mixed/step_added": {"momentum_update": signs_mixed_step_added},
            "damped_momentum/averaged": {"momentum_update": averaged},  # the same mistake, written another way
            "damped_momentum/without_learning_rate": {"momentum_update": damped_without_learning_rate}}
