"""Exercise 11's known mistakes."""

from reference.ex10_momentum import momentum_update


def gradient_at_w(w, grad_f, h, learning_rate=0.01, alpha=0.9):
    return momentum_update(w, grad_f(w), h, learning_rate, alpha)


VARIANTS = {"gradient_not_at_lookahead": {"nesterov_update": gradient_at_w}}
