"""Exercise 5 (alternative solution): MSE of a line and its gradient, with sum(...)/n."""


def _residuals(w, b, x, y):
    return [float(yi) - (w * float(xi) + b) for xi, yi in zip(x, y)]


def mse_loss(w, b, x, y):
    r = _residuals(w, b, x, y)
    return sum(ri * ri for ri in r) / len(r)


def mse_gradient(w, b, x, y):
    r = _residuals(w, b, x, y)
    n = len(r)
    dw = -2.0 * (sum(float(xi) * ri for xi, ri in zip(x, r)) / n)
    db = -2.0 * (sum(r) / n)
    return dw, db
