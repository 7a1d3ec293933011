from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from matcher import MatchSettings
from matcher.engagement import engagement_signal
from matcher.tiers import assign_tiers


def tiny() -> tuple[pd.DataFrame, pd.DataFrame]:
    creators = pd.DataFrame({
        "creator_id": ["a", "b", "c", "d", "e"],
        "platform": ["instagram", "instagram", "instagram", "tiktok", "instagram"],
        "followers": [1000, 2000, 5000, 1000, 1000],
    })
    posts = pd.DataFrame({
        "creator_id": ["a", "a", "a", "b", "c", "c", "d"],
        "likes": [40, 20, 100, 40, 500, 250, 10],
        "comments": [10, 0, 0, 0, 0, 0, 0],
        "views": [np.nan] * 6 + [100.0],
    })
    return creators, posts


def test_median_rate_per_follower_or_view_and_percentile_in_group() -> None:
    creators, posts = tiny()
    tiers = assign_tiers(creators["followers"], MatchSettings().tiers)
    signal = engagement_signal(creators, posts, tiers, min_group_size=1)
    # a: rates 50/1000, 20/1000, 100/1000 -> median 0.05; b: 40/2000 = 0.02;
    # c: 500/5000, 250/5000 -> median 0.075; d: per view 10/100 = 0.1; e: no posts
    assert signal.rate[:4] == pytest.approx([0.05, 0.02, 0.075, 0.1])
    assert np.isnan(signal.rate[4])
    assert signal.basis[:4].tolist() == ["followers", "followers", "followers", "views"]
    # instagram|nano|followers holds a, b, c: ranks 2, 1, 3 of 3 -> (r - 0.5) / 3; d is alone -> 0.5
    assert signal.score[:4] == pytest.approx([1.5 / 3, 0.5 / 3, 2.5 / 3, 0.5])
    # confidence: posts used / 3, capped at 1; no posts -> 0
    assert signal.confidence == pytest.approx([1.0, 1 / 3, 2 / 3, 1 / 3, 0.0])
    assert signal.group_median[:3] == pytest.approx([0.05] * 3)


def test_small_groups_fall_back_to_the_platform_at_half_confidence() -> None:
    creators, posts = tiny()
    creators.loc[2, "followers"] = 50_000  # c becomes micro: its own tier group has one creator
    posts.loc[posts["creator_id"] == "c", "likes"] = [5000, 2500]
    tiers = assign_tiers(creators["followers"], MatchSettings().tiers)
    signal = engagement_signal(creators, posts, tiers, min_group_size=3)
    # every fine group is smaller than 3, so all are judged within instagram|followers (a, b, c)
    assert signal.score[:3] == pytest.approx([1.5 / 3, 0.5 / 3, 2.5 / 3])
    assert signal.confidence[:3] == pytest.approx([0.5, 1 / 6, 1 / 3])


def test_zero_followers_means_missing_not_zero() -> None:
    creators = pd.DataFrame({"creator_id": ["z"], "platform": ["instagram"], "followers": [0]})
    posts = pd.DataFrame({"creator_id": ["z"], "likes": [3], "comments": [0], "views": [np.nan]})
    signal = engagement_signal(creators, posts, np.array(["nano"]), min_group_size=1)
    assert np.isnan(signal.rate[0]) and np.isnan(signal.score[0]) and signal.confidence[0] == 0
