"""The logistic regression every shipped line scorer is trained with: Adagrad steps, fixed epochs, rounded weights."""

from __future__ import annotations

import math
from collections.abc import Sequence


def fit(rows: Sequence[tuple[Sequence[float], int]], width: int, *, epochs: int, step: float, l2: float,
        digits: int) -> list[float]:
    """Fit weights over the rows in their order (deterministic), rounded to `digits` so a model file's bytes do not
    hang on the last bit of a float sum."""
    weights, squares = [0.0] * width, [1e-8] * width
    # Feature rows are mostly zeros: keep only the set features of each row.
    sparse = [([i for i, v in enumerate(x) if v], [v for v in x if v], y) for x, y in rows]
    for _ in range(epochs):
        for index, values, y in sparse:
            z = sum(weights[i] * v for i, v in zip(index, values, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            error = p - y
            for i, v in zip(index, values, strict=True):
                g = error * v + l2 * weights[i]
                squares[i] += g * g
                weights[i] -= step * g / math.sqrt(squares[i])
    return [round(w, digits) for w in weights]
