"""Exercise 16's known mistakes: the reference's rules with one of them misread."""

import math


def rules(losses, above_first=lambda L: L[-1] > L[0], stall=lambda drop, last_k: drop / abs(last_k) < 1e-3,
          window=lambda n: max(2, n // 5), non_finite=lambda x: not math.isfinite(x), drop_zeros=True,
          too_many=lambda changes, n: changes > (n - 1) / 3):
    """diagnose_training with its six choices given: what counts as ending above the
    start, the stall test on (L[−k] − L[−1], L[−k]), k for N losses, which loss is
    non-finite, whether the zero differences are dropped before the sign changes are
    counted (kept, a zero is a sign of its own: np.sign(np.diff(L))), and how many sign
    changes of N losses are oscillating."""
    losses = [float(x) for x in losses]
    if any(non_finite(x) for x in losses) or above_first(losses):
        return "diverging"
    differences = [b - a for a, b in zip(losses, losses[1:])]
    signs = [d > 0 for d in differences if d != 0] if drop_zeros else [(d > 0) - (d < 0) for d in differences]
    if too_many(sum(1 for a, b in zip(signs, signs[1:]) if a != b), len(losses)):
        return "oscillating"
    k = window(len(losses))
    if losses[-k] == 0 or stall(losses[-k] - losses[-1], losses[-k]):
        return "stalled"
    return "decreasing"


def absolute_threshold(losses):
    return rules(losses, stall=lambda drop, last_k: drop < 1e-3)


def any_loss_above_first(losses):
    return rules(losses, above_first=lambda L: max(L) > L[0])


def stall_threshold_inclusive(losses):
    return rules(losses, stall=lambda drop, last_k: drop / abs(last_k) <= 1e-3)


def k_rounded_up(losses):
    return rules(losses, window=lambda n: max(2, math.ceil(n / 5)))


def only_nan_checked(losses):
    return rules(losses, non_finite=math.isnan)


def stall_without_abs(losses):
    return rules(losses, stall=lambda drop, last_k: drop / last_k < 1e-3)


def last_equal_to_first_diverging(losses):
    """L[−1] >= L[0]: a curve back at its start counted as diverging."""
    return rules(losses, above_first=lambda L: L[-1] >= L[0])


def oscillation_threshold_inclusive(losses):
    """changes >= (N − 1) / 3: exactly a third of the differences is oscillating."""
    return rules(losses, too_many=lambda changes, n: changes >= (n - 1) / 3)


def oscillation_threshold_over_n(losses):
    """changes > N / 3: the number of losses where the number of differences, N − 1, goes."""
    return rules(losses, too_many=lambda changes, n: changes > n / 3)


def zero_differences_kept(losses):
    return rules(losses, drop_zeros=False)


def window_without_minimum(losses):
    """k = N // 5 without max(2, …): below 10 losses k = 1 compares L[−1] with itself (always
    "stalled"), below 5 k = 0 compares L[0] with L[−1]."""
    return rules(losses, window=lambda n: n // 5)


def stall_relative_to_last(losses):
    """L[−k] − L[−1] < 1e-3 · |L[−1]|: the drop measured against the last loss, not against L[−k]."""
    return rules(losses, stall=lambda drop, last_k: drop < 1e-3 * abs(last_k - drop))


def stall_drop_absolute_value(losses):
    """|L[−k] − L[−1]| / |L[−k]| < 1e-3: the drop's absolute value, so a curve that rose over its
    last k losses (by more than 1e-3 of L[−k]) is not stalled but "decreasing"."""
    return rules(losses, stall=lambda drop, last_k: abs(drop) / abs(last_k) < 1e-3)


def stalled_before_oscillating(losses):
    """The stall test made before the oscillation test: a curve that swings but ends within 1e-3
    of L[−k] is called "stalled", where the order diverging, oscillating, stalled says "oscillating"."""
    values = [float(x) for x in losses]
    if all(math.isfinite(x) for x in values) and not values[-1] > values[0]:
        k = max(2, len(values) // 5)
        if values[-k] == 0 or (values[-k] - values[-1]) / abs(values[-k]) < 1e-3:
            return "stalled"
    return rules(losses)


VARIANTS = {
    "absolute_stall_threshold": {"diagnose_training": absolute_threshold},
    "any_loss_above_first": {"diagnose_training": any_loss_above_first},
    "stall_threshold_inclusive": {"diagnose_training": stall_threshold_inclusive},
    "k_rounded_up": {"diagnose_training": k_rounded_up},
    "only_nan_checked": {"diagnose_training": only_nan_checked},
    "stall_without_abs": {"diagnose_training": stall_without_abs},
    "zero_differences_kept": {"diagnose_training": zero_differences_kept},
    "last_equal_to_first_diverging": {"diagnose_training": last_equal_to_first_diverging},
    "oscillation_threshold_misread": {"diagnose_training": oscillation_threshold_inclusive},
    "oscillation_threshold_misread/over_n": {"diagnose_training": oscillation_threshold_over_n},
    "window_without_minimum": {"diagnose_training": window_without_minimum},
    "stall_relative_to_last": {"diagnose_training": stall_relative_to_last},
    "stall_drop_absolute_value": {"diagnose_training": stall_drop_absolute_value},
    "stalled_before_oscillating": {"diagnose_training": stalled_before_oscillating},
}
