"""Exercise 4's known mistakes."""

from reference.ex04_gradient_descent import gradient_descent


def ascent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    return gradient_descent(grad_f, x0, -learning_rate, max_steps, tol)


VARIANTS = {"gradient_ascent": {"gradient_descent": ascent}}
