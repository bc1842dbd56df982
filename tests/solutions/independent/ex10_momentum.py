"""Exercise 10: Momentum, coordinate by coordinate."""


def momentum_update(w, grad, h, learning_rate=0.01, alpha=0.9):
    h_new = [alpha * hi + learning_rate * gi for hi, gi in zip(h, grad)]
    w_new = [wi - hi for wi, hi in zip(w, h_new)]
    return w_new, h_new
