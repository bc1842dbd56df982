"""Exercise 6: batch gradient descent, reusing exercise 5."""

from .ex05_linear_regression import mse_gradient, mse_loss


def fit_linear_batch(x, y, learning_rate=0.01, epochs=1000, w0=0.0, b0=0.0):
    xs = [float(c) for c in x]
    ys = [float(c) for c in y]
    w, b = float(w0), float(b0)
    history = []
    for _ in range(epochs):
        dw, db = mse_gradient(w, b, xs, ys)
        w, b = w - learning_rate * dw, b - learning_rate * db
        history.append(mse_loss(w, b, xs, ys))
    return w, b, history
