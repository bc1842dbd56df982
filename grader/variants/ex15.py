"""Exercise 15's known mistakes."""

import numpy as np


def decoupled(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, amsgrad=False):
    from reference.ex15_adam_options import adam_update_full

    w = np.asarray(w, dtype=float)
    w_new, new_state = adam_update_full(w, grad, state, t, learning_rate, beta1, beta2, eps, 0.0, amsgrad)
    return w_new - learning_rate * weight_decay * w, new_state


def _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, second_moment):
    """adam_update_full with amsgrad's step given: `second_moment(v_max, v_new, correction)`
    returns (v_max_new, v̂), correction = 1 − β2^t; without amsgrad, as the reference."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(grad, dtype=float) + weight_decay * w
    m_new = beta1 * np.asarray(state["m"], dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(state["v"], dtype=float) + (1 - beta2) * g**2
    v_max = np.asarray(state["v_max"], dtype=float)
    if amsgrad:
        v_max, v_hat = second_moment(v_max, v_new, 1 - beta2**t)
    else:
        v_hat = v_new / (1 - beta2**t)
    w_new = w - learning_rate * (m_new / (1 - beta1**t)) / (np.sqrt(v_hat) + eps)
    return w_new, {"m": m_new, "v": v_new, "v_max": v_max}


def max_after_correction(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                         amsgrad=False):
    """The maximum of the corrected v̂, kept as v_max."""
    def corrected_first(v_max, v_new, correction):
        v_max = np.maximum(v_max, v_new / correction)
        return v_max, v_max
    return _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, corrected_first)


def max_not_corrected(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                      amsgrad=False):
    """The original AMSGrad paper's form: v̂ = v_max, without the bias correction."""
    def uncorrected(v_max, v_new, correction):
        v_max = np.maximum(v_max, v_new)
        return v_max, v_max
    return _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, uncorrected)


def decay_doubled(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                  amsgrad=False):
    """g = grad + 2λw: the derivative of λ‖w‖² where the exercise (as torch) adds λw."""
    from reference.ex15_adam_options import adam_update_full

    doubled = np.asarray(grad, dtype=float) + weight_decay * np.asarray(w, dtype=float)
    return adam_update_full(w, doubled, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad)


def max_kept_without_amsgrad(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                             weight_decay=0.0, amsgrad=False):
    """v_max_new = max(v_max, v_new) whether or not amsgrad is on (the step as the reference's)."""
    from reference.ex15_adam_options import adam_update_full

    w_new, new_state = adam_update_full(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad)
    if not amsgrad:
        new_state = dict(new_state, v_max=np.maximum(np.asarray(state["v_max"], dtype=float), new_state["v"]))
    return w_new, new_state


def max_with_old_v(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                   amsgrad=False):
    """v_max = max(v_max, v) with the v that came in, not this step's v_new."""
    old_v = np.asarray(state["v"], dtype=float)

    def with_old_v(v_max, v_new, correction):
        v_max = np.maximum(v_max, old_v)
        return v_max, v_max / correction
    return _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, with_old_v)


def _decayed(w, grad, state, t, learning_rate, beta1, beta2, eps, amsgrad, g_m, g_v):
    """adam_update_full with the gradient g_m in the first moment and g_v in the second."""
    m_new = beta1 * np.asarray(state["m"], dtype=float) + (1 - beta1) * g_m
    v_new = beta2 * np.asarray(state["v"], dtype=float) + (1 - beta2) * g_v**2
    v_max = np.asarray(state["v_max"], dtype=float)
    if amsgrad:
        v_max = np.maximum(v_max, v_new)
    v_hat = (v_max if amsgrad else v_new) / (1 - beta2**t)
    w_new = np.asarray(w, dtype=float) - learning_rate * (m_new / (1 - beta1**t)) / (np.sqrt(v_hat) + eps)
    return w_new, {"m": m_new, "v": v_new, "v_max": v_max}


def decay_in_first_moment_only(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                               weight_decay=0.0, amsgrad=False):
    """m averages g = grad + λw, v the raw grad²."""
    grad = np.asarray(grad, dtype=float)
    g = grad + weight_decay * np.asarray(w, dtype=float)
    return _decayed(w, grad, state, t, learning_rate, beta1, beta2, eps, amsgrad, g, grad)


def decay_times_learning_rate(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                              weight_decay=0.0, amsgrad=False):
    """g = grad + η λ w: the learning rate put into the L2 term as well."""
    g = np.asarray(grad, dtype=float) + learning_rate * weight_decay * np.asarray(w, dtype=float)
    return _decayed(w, grad, state, t, learning_rate, beta1, beta2, eps, amsgrad, g, g)


def decay_subtracted(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                     weight_decay=0.0, amsgrad=False):
    """g = grad − λw: the L2 term subtracted ("decay"), which pushes w away from 0."""
    g = np.asarray(grad, dtype=float) - weight_decay * np.asarray(w, dtype=float)
    return _decayed(w, grad, state, t, learning_rate, beta1, beta2, eps, amsgrad, g, g)


def max_kept_not_used(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                      amsgrad=False):
    """v_max = max(v_max, v_new) is kept in the state, but the step divides by √(v_new / (1 − β2^t))."""
    def not_used(v_max, v_new, correction):
        return np.maximum(v_max, v_new), v_new / correction
    return _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, not_used)


def v_replaced_by_max(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                      amsgrad=False):
    """With amsgrad the state returned has v = v_max = max(v_max, v_new): the running average
    v_new = β2 v + (1 − β2) g² overwritten by its maximum (the step as the reference's)."""
    from reference.ex15_adam_options import adam_update_full

    w_new, new_state = adam_update_full(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad)
    if amsgrad:
        new_state = dict(new_state, v=new_state["v_max"])
    return w_new, new_state


def max_of_squared_gradient(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                            weight_decay=0.0, amsgrad=False):
    """v_max = max(v_max, g²), v̂ = v_max / (1 − β2^t): the maximum of the squared gradient
    g = grad + λw, not of the average v_new."""
    g = np.asarray(grad, dtype=float) + weight_decay * np.asarray(w, dtype=float)

    def of_g_squared(v_max, v_new, correction):
        v_max = np.maximum(v_max, g**2)
        return v_max, v_max / correction
    return _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, of_g_squared)


def max_not_stored(w, grad, state, t, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                   amsgrad=False):
    """v̂ = max(v_max, v_new) / (1 − β2^t) in the step, but the state returns the v_max that came
    in: the maximum is never carried to the next step (in a loop from 0 it is plain Adam)."""
    def not_stored(v_max, v_new, correction):
        return v_max, np.maximum(v_max, v_new) / correction
    return _adam(w, grad, state, t, learning_rate, beta1, beta2, eps, weight_decay, amsgrad, not_stored)


VARIANTS = {
    "decoupled_weight_decay": {"adam_update_full": decoupled},
    "amsgrad_max_after_correction": {"adam_update_full": max_after_correction},
    "amsgrad_max_not_corrected": {"adam_update_full": max_not_corrected},
    "weight_decay_doubled": {"adam_update_full": decay_doubled},
    "v_max_updated_without_amsgrad": {"adam_update_full": max_kept_without_amsgrad},
    "amsgrad_max_with_old_v": {"adam_update_full": max_with_old_v},
    "decay_only_in_first_moment": {"adam_update_full": decay_in_first_moment_only},
    "decay_times_learning_rate": {"adam_update_full": decay_times_learning_rate},
    "weight_decay_subtracted": {"adam_update_full": decay_subtracted},
    "amsgrad_max_not_used": {"adam_update_full": max_kept_not_used},
    "amsgrad_v_replaced_by_max": {"adam_update_full": v_replaced_by_max},
    "amsgrad_max_of_squared_gradient": {"adam_update_full": max_of_squared_gradient},
    "amsgrad_max_not_stored": {"adam_update_full": max_not_stored},
}
