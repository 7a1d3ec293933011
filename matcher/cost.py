"""Cost per expected engagement: the field judges value by it, not by reach."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from matcher.scales import percentile_within


class CostSignal(NamedTuple):
    """Price per expected engagement and its score (cheaper is higher), when the price is known."""

    cost_per_engagement: NDArray[np.float64]
    score: NDArray[np.float64]
    confidence: NDArray[np.float64]


def cost_signal(price_per_post: NDArray[np.float64], expected_engagements: NDArray[np.float64],
                engagement_confidence: NDArray[np.float64]) -> CostSignal:
    """Cost per engagement = price / median (likes + comments) per recent post.

    The score is 1 minus the mid-rank percentile among all priced creators, so the cheapest
    engagement scores highest. Missing when the price or the posts are unknown.
    """
    price = np.asarray(price_per_post, dtype=float)
    expected = np.asarray(expected_engagements, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_engagement = np.where(expected > 0, price / expected, np.nan)
    per_engagement = np.where(np.isnan(price), np.nan, per_engagement)
    score = 1.0 - percentile_within(per_engagement, np.zeros(len(price)))
    confidence = np.where(np.isnan(per_engagement), 0.0, np.asarray(engagement_confidence, dtype=float))
    return CostSignal(per_engagement, score, confidence)
