"""Follower tiers (nano, micro, macro, mega) from thresholds that are settings."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from matcher.settings import TierThresholds


def assign_tiers(followers: ArrayLike, thresholds: TierThresholds) -> NDArray[np.str_]:
    """Tier name of each follower count: nano below micro, then micro, macro, mega."""
    counts = np.asarray(followers, dtype=float)
    edges = [thresholds.micro, thresholds.macro, thresholds.mega]
    names = np.array(["nano", "micro", "macro", "mega"])
    return names[np.searchsorted(edges, counts, side="right")]
