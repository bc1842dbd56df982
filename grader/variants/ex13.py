"""Exercise 13's known mistakes."""

import numpy as np


def swapped(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = (1 - alpha) * np.asarray(G, dtype=float) + alpha * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def eps_outside(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (np.sqrt(G_new) + eps), G_new


def eps_missing(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """w − η g / √G_new: no ε at all."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new), G_new


def old_accumulator(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """w − η g / √(G + ε) with the old G; G_new = α G + (1 − α) g² is only returned."""
    grad, G = np.asarray(grad, dtype=float), np.asarray(G, dtype=float)
    w_new = np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G + eps)
    return w_new, alpha * G + (1 - alpha) * grad**2


def no_square_root(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """w − η g / (G_new + ε): the root is missing."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / (G_new + eps), G_new


def without_one_minus_alpha(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = α G + g²: the new square is not weighted by (1 − α)."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + grad**2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def gradient_not_squared(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = α G + (1 − α) g: the moving average of g, not of g² (√ of a negative average is nan)."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad
    with np.errstate(invalid="ignore"):
        return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def one_minus_alpha_unparenthesised(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = α G + 1 − α g²: alpha * G + 1 - alpha * grad**2, the parentheses of (1 − α) lost."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + 1 - alpha * grad**2
    with np.errstate(invalid="ignore"):
        return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def eps_in_accumulator(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = α G + (1 − α) g² + ε; w − η g / √G_new: ε kept in the average G, which is returned."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad**2 + eps
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new), G_new


def square_of_sum(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = α G + (1 − α) (Σ_i g_i)²; w − η g / √(G_new + ε): the square of the gradient's sum,
    one number for every component, not g² component by component."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * np.sum(grad) ** 2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def square_of_average(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = (α G + (1 − α) g)²; w − η g / √(G_new + ε): the whole average squared (the old G
    with it), not the average of the squared gradient."""
    grad = np.asarray(grad, dtype=float)
    G_new = (alpha * np.asarray(G, dtype=float) + (1 - alpha) * grad) ** 2
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


def norm_squared(w, grad, G, learning_rate=0.01, alpha=0.9, eps=1e-8):
    """G_new = α G + (1 − α) ‖g‖², ‖g‖² = g·g: g² read as the squared length, one number for
    every component, instead of each component's own g_i²."""
    grad = np.asarray(grad, dtype=float)
    G_new = alpha * np.asarray(G, dtype=float) + (1 - alpha) * np.dot(grad, grad)
    return np.asarray(w, dtype=float) - learning_rate * grad / np.sqrt(G_new + eps), G_new


VARIANTS = {
    "alpha_swapped": {"rmsprop_update": swapped},
    "eps_outside_root": {"rmsprop_update": eps_outside},
    "eps_missing": {"rmsprop_update": eps_missing},
    "old_accumulator": {"rmsprop_update": old_accumulator},
    "no_square_root": {"rmsprop_update": no_square_root},
    "missing_one_minus_alpha": {"rmsprop_update": without_one_minus_alpha},
    "gradient_not_squared": {"rmsprop_update": gradient_not_squared},
    "precedence_one_minus_alpha": {"rmsprop_update": one_minus_alpha_unparenthesised},
    "eps_in_accumulator": {"rmsprop_update": eps_in_accumulator},
    "square_of_sum": {"rmsprop_update": square_of_sum},
    "square_of_average": {"rmsprop_update": square_of_average},
    "gradient_norm_squared": {"rmsprop_update": norm_squared},
}
