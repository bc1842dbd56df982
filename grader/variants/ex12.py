"""Exercise 12's known mistakes."""

import numpy as np


def not_accumulated(w, grad, G, learning_rate=0.01, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def eps_outside(w, grad, G, learning_rate=0.01, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (np.sqrt(G_new) + eps), G_new


def old_accumulator(w, grad, G, learning_rate=0.01, eps=1e-8):
    """w − η g / √(G + ε) with the old G; G_new = G + g² is only returned."""
    grad, G = np.asarray(grad, dtype=float), np.asarray(G, dtype=float)
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G + eps), G + grad**2


def no_square_root(w, grad, G, learning_rate=0.01, eps=1e-8):
    """w − η g / (G_new + ε): the root is missing."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (G_new + eps), G_new


def eps_missing(w, grad, G, learning_rate=0.01, eps=1e-8):
    """w − η g / √G_new: no ε at all."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new), G_new


def torch_default_eps(w, grad, G, learning_rate=0.01, eps=1e-10):
    """The reference with torch.optim.Adagrad's default ε = 1e-10 (the statement's is 1e-8)."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def gradient_not_squared(w, grad, G, learning_rate=0.01, eps=1e-8):
    """G_new = G + g: the gradient accumulated without its square (√ of a negative sum is nan)."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad
    with np.errstate(invalid="ignore"):
        return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def eps_added_to_step(w, grad, G, learning_rate=0.01, eps=1e-8):
    """w − η g / √G_new + ε: the parentheses of √(G_new + ε) lost, ε added to w."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new) + eps, G_new


def eps_in_accumulator(w, grad, G, learning_rate=0.01, eps=1e-8):
    """G_new = G + g² + ε; w − η g / √G_new: ε kept in G, so it is returned and piles up step by step."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2 + eps
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new), G_new


def learning_rate_inside_root(w, grad, G, learning_rate=0.01, eps=1e-8):
    """w − √(η / (G_new + ε)) g: η put under the root with G_new, so the step scales with √η."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - np.sqrt(learning_rate / (G_new + eps)) * grad, G_new


def norm_squared(w, grad, G, learning_rate=0.01, eps=1e-8):
    """G_new = G + ‖g‖² = G + g·g: g² read as the squared length, one number added to every
    component, instead of each component's own g_i²."""
    grad = np.asarray(grad, dtype=float)
    G_new = np.asarray(G, dtype=float) + np.dot(grad, grad)
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


VARIANTS = {
    "no_accumulation": {"adagrad_update": not_accumulated},
    "eps_outside_root": {"adagrad_update": eps_outside},
    "eps_missing": {"adagrad_update": eps_missing},
    "old_accumulator": {"adagrad_update": old_accumulator},
    "no_square_root": {"adagrad_update": no_square_root},
    "torch_default_eps": {"adagrad_update": torch_default_eps},  # after eps_missing: ε = 1e-10 is nearly none
    "gradient_not_squared": {"adagrad_update": gradient_not_squared},
    "eps_added_to_step": {"adagrad_update": eps_added_to_step},
    "eps_in_accumulator": {"adagrad_update": eps_in_accumulator},
    "learning_rate_inside_root": {"adagrad_update": learning_rate_inside_root},
    "gradient_norm_squared": {"adagrad_update": norm_squared},
}
