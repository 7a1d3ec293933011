from __future__ import annotations

import numpy as np
import pandas as pd

from matcher import Filters, TierThresholds
from matcher.filtering import allowed_mask


def creators() -> pd.DataFrame:
    return pd.DataFrame({
        "creator_id": ["a", "b", "c", "d"],
        "platform": ["instagram", "tiktok", "instagram", "youtube"],
        "followers": [5_000, 50_000, 500_000, 20_000],
        "country": ["DE", "DE", None, "FR"],
        "language": ["de", None, "en", "fr"],
        "trust_score": [0.9, np.nan, 0.4, 0.7],
        "price_per_post": [100.0, np.nan, 5000.0, 300.0],
    })


def test_each_filter_by_hand() -> None:
    table, tiers = creators(), TierThresholds()
    def mask(**kw: object) -> list[bool]:
        return allowed_mask(table, Filters(**kw), tiers).tolist()  # type: ignore[arg-type]
    assert mask() == [True, True, True, True]
    assert mask(platforms=("instagram",)) == [True, False, True, False]
    assert mask(min_followers=20_000, max_followers=100_000) == [False, True, False, True]
    assert mask(tiers=("micro",)) == [False, True, False, True]
    assert mask(countries=("DE",)) == [True, True, False, False]  # unknown country does not pass
    assert mask(languages=("de", "fr")) == [True, False, False, True]
    assert mask(min_trust=0.5) == [True, False, False, True]  # unknown trust does not pass
    assert mask(budget=300.0) == [True, True, False, True]  # unknown price passes (flagged later)
    assert allowed_mask(table, Filters(), tiers, excluded_ids={"a", "d"}).tolist() == [False, True, True, False]
