"""Exercise 9's known mistakes."""


def step_decay_true_division(k, eta0=0.1, drop=0.5, every=10):
    return eta0 * drop ** (k / every)


VARIANTS = {"true_division_in_step_decay": {"step_decay": step_decay_true_division}}
