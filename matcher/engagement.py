"""Engagement: (likes + comments) per follower, or per view on video platforms, judged in its group.

Engagement rate falls as follower counts grow, so a raw rate is only compared with creators of
the same platform and follower tier (and the same basis, per follower or per view).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.scales import percentile_within
from matcher.schema import VIDEO_PLATFORMS

POSTS_FOR_FULL_CONFIDENCE = 3


class EngagementSignal(NamedTuple):
    """Per-creator engagement: raw median rate, its basis, group percentile and confidence."""

    rate: NDArray[np.float64]
    basis: NDArray[np.object_]
    score: NDArray[np.float64]
    confidence: NDArray[np.float64]
    group_median: NDArray[np.float64]
    posts_used: NDArray[np.int64]


def post_rates(posts: pd.DataFrame, followers: pd.Series, platform: pd.Series) -> pd.DataFrame:
    """Engagement rate of each post and its basis ('views' or 'followers'); NaN when undefined.

    `followers` and `platform` are indexed by creator_id.
    """
    interactions = (posts["likes"] + posts["comments"]).to_numpy(dtype=float)
    creator_followers = posts["creator_id"].map(followers).to_numpy(dtype=float)
    creator_platform = posts["creator_id"].map(platform).to_numpy(dtype=object)
    views = posts["views"].to_numpy(dtype=float)
    by_view = np.isin(creator_platform, list(VIDEO_PLATFORMS)) & (views > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_follower = np.where(creator_followers > 0, interactions / creator_followers, np.nan)
        per_view = np.where(views > 0, interactions / views, np.nan)
    return pd.DataFrame({
        "creator_id": posts["creator_id"].to_numpy(),
        "rate": np.where(by_view, per_view, per_follower),
        "basis": np.where(by_view, "views", "followers"),
    })


def engagement_signal(
    creators: pd.DataFrame, recent_posts: pd.DataFrame, tiers: NDArray[np.str_], min_group_size: int
) -> EngagementSignal:
    """Median post engagement rate of each creator, scored as a percentile within its group.

    The group is (platform, tier, basis); when it holds fewer than `min_group_size` rated creators
    the creator is judged within (platform, basis) instead, at half confidence. Confidence grows
    with the posts used (full at 3). No rated post means the signal is missing (NaN, confidence 0).
    """
    ids = creators["creator_id"]
    rates = post_rates(recent_posts, creators.set_index("creator_id")["followers"],
                       creators.set_index("creator_id")["platform"]).dropna(subset=["rate"])
    # a creator's basis is the one most of its posts use: video creators may have a photo post
    counts = rates.groupby(["creator_id", "basis"]).size().rename("posts").reset_index()
    counts = counts.sort_values(["creator_id", "posts", "basis"], ascending=[True, False, True], kind="stable")
    basis = counts.drop_duplicates("creator_id").set_index("creator_id")["basis"]
    rates = rates[rates["basis"].to_numpy() == rates["creator_id"].map(basis).to_numpy()]
    per_creator = rates.groupby("creator_id")["rate"].agg(["median", "count"])
    rate = ids.map(per_creator["median"]).to_numpy(dtype=float)
    used = ids.map(per_creator["count"]).fillna(0).to_numpy(dtype=np.int64)
    creator_basis = np.array([b if isinstance(b, str) else "" for b in ids.map(basis)], dtype=object)

    platform = creators["platform"].to_numpy(dtype=object)
    fine = pd.Series([f"{p}|{t}|{b}" for p, t, b in zip(platform, tiers, creator_basis, strict=True)])
    coarse = pd.Series([f"{p}|{b}" for p, b in zip(platform, creator_basis, strict=True)])
    rated = ~np.isnan(rate)
    fine_size = fine[rated].value_counts()
    small = fine.map(fine_size).fillna(0).to_numpy() < min_group_size
    group = np.where(small, coarse, fine)
    score = percentile_within(rate, group)
    medians = pd.Series(rate).groupby(group).transform("median").to_numpy(dtype=float)
    confidence = np.minimum(1.0, used / POSTS_FOR_FULL_CONFIDENCE) * np.where(small, 0.5, 1.0)
    confidence = np.where(rated, confidence, 0.0)
    return EngagementSignal(rate, creator_basis, score, confidence, medians, used)
