"""Linear-regression data shared by the suites of exercises 6–8."""

import numpy as np


def linear_data(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """x uniform on [−2, 2], y = 2x + 1 + noise (σ = 0.3)."""
    x = rng.uniform(-2, 2, size=n)
    return x, 2.0 * x + 1.0 + rng.normal(scale=0.3, size=n)
