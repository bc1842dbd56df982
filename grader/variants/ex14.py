"""Exercise 14's known mistakes."""

import numpy as np


def _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, correct_m, correct_v, eps_inside):
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * grad**2
    m_hat, v_hat = m_new / correct_m, v_new / correct_v
    denominator = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
    return np.asarray(w, dtype=float) - learning_rate * m_hat / denominator, m_new, v_new


def _corrected_step(w, m_new, v_new, t, learning_rate, beta1, beta2, eps):
    """(w − η m̂ / (√v̂ + ε), m_new, v_new), m̂ = m_new / (1 − β1^t), v̂ = v_new / (1 − β2^t): the
    reference's step from moments a variant made its own way."""
    m_hat, v_hat = m_new / (1 - beta1**t), v_new / (1 - beta2**t)
    return np.asarray(w, dtype=float) - learning_rate * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


def uncorrected(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1.0, 1.0, False)


def corrected_one_step_late(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1 ** (t + 1), 1 - beta2 ** (t + 1), False)


def eps_under_root(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1**t, 1 - beta2**t, True)


def corrected_one_step_early(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    with np.errstate(divide="ignore", invalid="ignore"):  # 1 − β⁰ = 0 at t = 1
        return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1 ** (t - 1), 1 - beta2 ** (t - 1), False)


def returns_corrected_moments(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w_new, m_new, v_new = _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1**t, 1 - beta2**t, False)
    return w_new, m_new / (1 - beta1**t), v_new / (1 - beta2**t)


def corrections_swapped(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """m̂ = m / (1 − β2^t), v̂ = v / (1 − β1^t): each moment corrected with the other's β."""
    return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta2**t, 1 - beta1**t, False)


def raw_gradient_in_step(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """The moments as the reference's, but the step w − η g / (√v̂ + ε) takes the raw gradient for m̂."""
    _, m_new, v_new = _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1**t, 1 - beta2**t, False)
    v_hat = v_new / (1 - beta2**t)
    w_new = np.asarray(w, dtype=float) - learning_rate * np.asarray(grad, dtype=float) / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new


def v_not_squared(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """v = β2 v + (1 − β2) |g|: the second moment of |g|, not of g²."""
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * np.abs(grad)
    return _corrected_step(w, m_new, v_new, t, learning_rate, beta1, beta2, eps)


def power_as_product(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """1 − β·t for 1 − β^t (* for **): right at t = 1, then a negative divisor (and √ of a negative v̂)."""
    with np.errstate(invalid="ignore"):
        return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1 * t, 1 - beta2 * t, False)


def only_m_corrected(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """m̂ = m / (1 − β1^t), but √v_new where √v̂ goes: the second moment left uncorrected."""
    return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1 - beta1**t, 1.0, False)


def only_v_corrected(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """v̂ = v / (1 − β2^t), but m_new where m̂ goes: the first moment left uncorrected."""
    return _adam(w, grad, m, v, t, learning_rate, beta1, beta2, eps, 1.0, 1 - beta2**t, False)


def v_from_m(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """v = β2 v + (1 − β2) m_new²: the second moment of the averaged m, not of this step's g²."""
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * m_new**2
    return _corrected_step(w, m_new, v_new, t, learning_rate, beta1, beta2, eps)


def beta1_swapped(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """m = (1 − β1) m + β1 g: β1 weights the new gradient instead of the old m."""
    grad = np.asarray(grad, dtype=float)
    m_new = (1 - beta1) * np.asarray(m, dtype=float) + beta1 * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * grad**2
    return _corrected_step(w, m_new, v_new, t, learning_rate, beta1, beta2, eps)


def momentum_style_m(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """m = β1 m + g: the first moment summed as momentum's velocity, without the (1 − β1) of an average."""
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * grad**2
    return _corrected_step(w, m_new, v_new, t, learning_rate, beta1, beta2, eps)


def momentum_style_v(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """v = β2 v + g²: the second moment summed without the (1 − β2) of an average."""
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + grad**2
    return _corrected_step(w, m_new, v_new, t, learning_rate, beta1, beta2, eps)


def paper_step_size(w, grad, m, v, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """The Adam paper's "efficient" form: η_t = η √(1 − β2^t) / (1 − β1^t); w − η_t m_new / (√v_new + ε).
    The same as w − η m̂ / (√v̂ + ε) with ε replaced by ε √(1 − β2^t) (ε̂, as in TensorFlow)."""
    grad = np.asarray(grad, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * grad
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * grad**2
    step_size = learning_rate * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return np.asarray(w, dtype=float) - step_size * m_new / (np.sqrt(v_new) + eps), m_new, v_new


VARIANTS = {
    "no_bias_correction": {"adam_update": uncorrected},
    "bias_correction_off_by_one": {"adam_update": corrected_one_step_late},
    "eps_inside_root": {"adam_update": eps_under_root},
    "bias_correction_t_minus_1": {"adam_update": corrected_one_step_early},
    "corrected_moments_returned": {"adam_update": returns_corrected_moments},
    "corrections_swapped": {"adam_update": corrections_swapped},
    "raw_gradient_in_step": {"adam_update": raw_gradient_in_step},
    "v_not_squared": {"adam_update": v_not_squared},
    "power_as_product": {"adam_update": power_as_product},
    "one_moment_not_corrected": {"adam_update": only_m_corrected},
    "one_moment_not_corrected/first": {"adam_update": only_v_corrected},
    "v_from_m": {"adam_update": v_from_m},
    "beta1_swapped": {"adam_update": beta1_swapped},
    "missing_one_minus_beta": {"adam_update": momentum_style_m},
    "missing_one_minus_beta/second": {"adam_update": momentum_style_v},
    "paper_step_size": {"adam_update": paper_step_size},
}
