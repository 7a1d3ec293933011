"""Pure numpy maps from raw measurements onto 0..1 scores; NaN (missing) passes through."""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray


def rising(x: ArrayLike, midpoint: float, power: float) -> NDArray[np.float64]:
    """Hill curve 1 / (1 + (midpoint / x) ** power): 0.5 at the midpoint, towards 1 above it.

    It is the logistic function of log(x) (Hill 1910), so equal ratios of x move the score equally.
    """
    values = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = 1.0 / (1.0 + (midpoint / np.maximum(values, 1e-12)) ** power)
    return np.where(np.isnan(values), np.nan, out)


def falling(x: ArrayLike, midpoint: float, power: float) -> NDArray[np.float64]:
    """Mirror of `rising`: 1 / (1 + (x / midpoint) ** power), 0.5 at the midpoint, towards 0 above."""
    values = np.asarray(x, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = 1.0 / (1.0 + (np.maximum(values, 0.0) / midpoint) ** power)
    return np.where(np.isnan(values), np.nan, out)


def percentile_within(values: ArrayLike, groups: ArrayLike) -> NDArray[np.float64]:
    """Mid-rank percentile (rank - 0.5) / n of each value within its group; NaN stays NaN.

    The Hazen plotting position: a lone value scores 0.5, ties share the average rank.
    """
    frame = pd.DataFrame({"value": np.asarray(values, dtype=float), "group": np.asarray(groups)})
    ranks = frame.groupby("group")["value"].rank(method="average")
    sizes = frame.groupby("group")["value"].transform("count")
    return ((ranks - 0.5) / sizes).to_numpy(dtype=float)


def weighted_mean(scores: dict[str, NDArray[np.float64]], weights: dict[str, float]) -> tuple[
    NDArray[np.float64], NDArray[np.float64]
]:
    """Mean of the available (non-NaN) scores under `weights`, and the share of weight available.

    A missing score is left out of the mean, never counted as zero; the available share is the
    confidence of the result. Both are NaN/0 where nothing is available.
    """
    total = float(sum(weights[name] for name in scores))
    numerator: NDArray[np.float64] | float = 0.0
    available: NDArray[np.float64] | float = 0.0
    for name, score in scores.items():
        present = ~np.isnan(score)
        numerator = numerator + np.where(present, weights[name] * np.nan_to_num(score), 0.0)
        available = available + np.where(present, weights[name], 0.0)
    available = np.asarray(available, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(available > 0, np.asarray(numerator) / available, np.nan)
    return mean, available / total
