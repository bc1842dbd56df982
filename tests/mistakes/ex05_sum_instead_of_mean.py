# MISTAKE (ex05_sum_instead_of_mean): mse_gradient uses sums instead of means (-2 sum(x r), -2 sum(r)); mse_loss is correct.
"""Exercise 5 with one deliberate mistake: the gradient sums over the samples instead of averaging."""


def mse_loss(w, b, x, y):
    r = [float(yi) - (w * float(xi) + b) for xi, yi in zip(x, y)]
    return sum(ri * ri for ri in r) / len(r)


def mse_gradient(w, b, x, y):
    r = [float(yi) - (w * float(xi) + b) for xi, yi in zip(x, y)]
    dw = -2.0 * sum(float(xi) * ri for xi, ri in zip(x, r))  # should be divided by n
    db = -2.0 * sum(r)  # should be divided by n
    return dw, db
