"""The leave-out bench's mechanics on hand-made events: which mentions are hidden, and the paired test."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bench.kim_brand_leaveout import hide_latest_mentions, mcnemar


def test_each_creators_latest_post_tagging_the_brand_is_hidden_whole() -> None:
    table = pd.DataFrame({
        "creator_id": ["a", "a", "a", "b", "c", "a"],
        "post_id": ["p1", "p2", "p2", "p3", "p4", "p2"],
        "brand": ["zara", "zara", "zara", "zaraeurope", "mango", "mango"],
        "posted_at": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-02-01", "2023-05-01", "2024-03-01",
                                     "2024-02-01"], utc=True),
        "sponsored": False,
        "source": ["mention", "mention", "hashtag", "mention", "mention", "mention"],
    })
    kept, hidden = hide_latest_mentions(table, "Zara")
    # a loses both zara events of p2 (its latest), not p2's mango tag; b loses its only one (Zara's own account)
    assert hidden == {"a", "b"}
    assert sorted(zip(kept["creator_id"], kept["post_id"], kept["brand"], strict=True)) == [
        ("a", "p1", "zara"), ("a", "p2", "mango"), ("c", "p4", "mango")]


def test_mcnemar_exact_by_hand() -> None:
    first = np.array([True] * 6 + [False] * 4)
    second = np.array([False] * 6 + [False] * 4)
    # 6 discordant pairs, all for the first: two-sided exact p = 2 x 0.5^6
    assert mcnemar(first, second) == pytest.approx(2 * 0.5 ** 6)
    assert mcnemar(first, first) == 1.0
