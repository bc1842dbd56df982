"""Exercise 11's known mistakes."""

import numpy as np

from reference.ex10_momentum import momentum_update


def gradient_at_w(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    return momentum_update(w, grad_f(w), h, learning_rate, alpha)


def lookahead_other_side(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """g = ∇f(w + α h): the look-ahead on the wrong side (h is subtracted from w)."""
    w = np.asarray(w, dtype=float)
    return momentum_update(w, grad_f(w + alpha * np.asarray(h, dtype=float)), h, learning_rate, alpha)


def velocity_added(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """v_new = α v − η ∇f(w + α v); w_new = w + v_new: the velocity with the other sign."""
    w, v = np.asarray(w, dtype=float), np.asarray(h, dtype=float)
    v_new = alpha * v - learning_rate * np.asarray(grad_f(w + alpha * v), dtype=float)
    return w + v_new, v_new


def step_from_lookahead(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """w_new = (w − α h) − h_new: the step starts at the look-ahead point, not at w."""
    w, h = np.asarray(w, dtype=float), np.asarray(h, dtype=float)
    ahead = w - alpha * h
    h_new = alpha * h + learning_rate * np.asarray(grad_f(ahead), dtype=float)
    return ahead - h_new, h_new


def lookahead_without_alpha(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """g = ∇f(w − h): the look-ahead takes the whole h, not α h."""
    w = np.asarray(w, dtype=float)
    return momentum_update(w, grad_f(w - np.asarray(h, dtype=float)), h, learning_rate, alpha)


def lookahead_with_learning_rate(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """g = ∇f(w − η h): the look-ahead scaled by the learning rate instead of α."""
    w = np.asarray(w, dtype=float)
    return momentum_update(w, grad_f(w - learning_rate * np.asarray(h, dtype=float)), h, learning_rate, alpha)


def pytorch_form(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """torch.optim.SGD(nesterov=True): g = ∇f(w); b = α h + g; w_new = w − η (g + α b); returns (w_new, b).

    Sutskever's rewriting of Nesterov with the gradient at w: another variable (a look-ahead
    point) and a velocity without η, not the lecture's h and w.
    """
    w, h = np.asarray(w, dtype=float), np.asarray(h, dtype=float)
    g = np.asarray(grad_f(w), dtype=float)
    b = alpha * h + g
    return w - learning_rate * (g + alpha * b), b


def pytorch_form_with_learning_rate(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    """The same with η inside the velocity: g = ∇f(w); h_new = α h + η g; w_new = w − (η g + α h_new)."""
    w, h = np.asarray(w, dtype=float), np.asarray(h, dtype=float)
    g = np.asarray(grad_f(w), dtype=float)
    h_new = alpha * h + learning_rate * g
    return w - (learning_rate * g + alpha * h_new), h_new


VARIANTS = {
    "gradient_not_at_lookahead": {"nesterov_update": gradient_at_w},
    "lookahead_sign_flipped": {"nesterov_update": lookahead_other_side},
    "velocity_sign_flipped": {"nesterov_update": velocity_added},
    "update_from_lookahead": {"nesterov_update": step_from_lookahead},
    "lookahead_without_alpha": {"nesterov_update": lookahead_without_alpha},
    "lookahead_with_learning_rate": {"nesterov_update": lookahead_with_learning_rate},
    "pytorch_form": {"nesterov_update": pytorch_form},
    "pytorch_form/velocity_with_learning_rate": {"nesterov_update": pytorch_form_with_learning_rate},
}
