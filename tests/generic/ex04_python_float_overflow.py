"""Exercise 4 in plain Python floats: (a - b) ** 2 raises OverflowError on a diverging run, where numpy gives inf."""
import math
def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = [float(v) for v in x0]
    out = [list(x)]
    for _ in range(max_steps):
        g = [float(v) for v in grad_f(x)]
        xn = [a - learning_rate * b for a, b in zip(x, g)]
        out.append(xn)
        if not all(math.isfinite(v) for v in xn):
            return out
        if math.sqrt(sum((a - b) ** 2 for a, b in zip(xn, x))) < tol:
            return out
        x = xn
    return out
