"""Exercise 4 with the student's own try-out left at the bottom: it draws the path and saves it
as a picture beside the file, which the sandbox, where nothing may be written, refuses."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def gradient_descent(grad_f, x0, learning_rate=0.1, max_steps=1000, tol=1e-8):
    x = np.asarray(x0, dtype=float)
    path = [x]
    for _ in range(max_steps):
        x_new = x - learning_rate * np.asarray(grad_f(x), dtype=float)
        path.append(x_new)
        if not np.all(np.isfinite(x_new)) or np.linalg.norm(x_new - x) < tol:
            break
        x = x_new
    return np.array(path)


path = gradient_descent(lambda x: 2 * (x - np.array([3.0, -2.0])), [0.0, 0.0])
plt.plot(path[:, 0], path[:, 1], "o-")
plt.savefig("path.png")
