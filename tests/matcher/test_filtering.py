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
    assert mask(max_price_per_post=300.0) == [True, True, False, True]  # unknown price passes (flagged later)
    assert mask(campaign_budget=200.0) == [True, True, False, False]  # no single price above the whole budget
    assert allowed_mask(table, Filters(), tiers, excluded_ids={"a", "d"}).tolist() == [False, True, True, False]


def test_unknown_values_follow_each_filters_policy() -> None:
    table, tiers = creators(), TierThresholds()
    def mask(**kw: object) -> list[bool]:
        return allowed_mask(table, Filters(**kw), tiers).tolist()  # type: ignore[arg-type]
    assert mask(countries=("DE",), unknown=(("country", "include"),)) == [True, True, True, False]
    assert mask(languages=("de",), unknown=(("language", "include"),)) == [True, True, False, False]
    assert mask(min_trust=0.5, unknown=(("trust", "include"),)) == [True, True, False, True]
    assert mask(max_price_per_post=300.0, unknown=(("price", "exclude"),)) == [True, False, False, True]


def test_each_filter_says_what_it_removed_and_why() -> None:
    from matcher.filtering import FilterColumns

    columns, tiers = FilterColumns.of(creators()), TierThresholds()
    effects = columns.effects(Filters(countries=("DE",), languages=("de",), max_price_per_post=300.0), tiers)
    # by hand: country DE keeps a, b; c is unknown; language de keeps a; b is unknown; price keeps a, b, d
    assert [(e.filter, e.removes, e.unknown, e.unknown_total, e.policy) for e in effects] == [
        ("countries", 2, 1, 1, "exclude"), ("languages", 3, 1, 1, "exclude"),
        ("max_price_per_post", 1, 0, 1, "include")]
    assert effects[0].describe() == ("countries DE removes 2 of 4 creators (1 only because the country is unknown: "
                                     "country unknown for 1 of 4 creators; unknown country=include keeps them)")
    assert effects[2].describe() == ("max_price_per_post 300.0 removes 1 of 4 creators "
                                     "(keeps the 1 whose price is unknown)")


def test_coded_filters_equal_the_plain_pandas_rules_on_a_random_table() -> None:
    from matcher.filtering import FilterColumns

    rng = np.random.default_rng(8)
    n = 2_000
    table = pd.DataFrame({
        "creator_id": [f"c{i}" for i in range(n)],
        "platform": rng.choice(["instagram", "tiktok", "youtube", None], n),
        "followers": rng.integers(500, 3_000_000, n),
        "country": rng.choice(["DE", "FR", "US", "AT", None], n),
        "language": rng.choice(["de", "fr", "en", None], n),
        "trust_score": np.where(rng.random(n) < 0.2, np.nan, rng.random(n)),
        "price_per_post": np.where(rng.random(n) < 0.3, np.nan, rng.uniform(10, 5_000, n)),
    }).astype({"platform": "string[pyarrow]", "country": "string[pyarrow]", "creator_id": "string[pyarrow]"})
    columns, tiers = FilterColumns.of(table), TierThresholds()
    cases = [Filters(platforms=("tiktok", "youtube")), Filters(countries=("DE", "AT"), languages=("de",)),
             Filters(min_followers=10_000, max_followers=900_000, tiers=("micro", "macro")),
             Filters(min_trust=0.6, max_price_per_post=800.0), Filters(countries=("XX",)),
             Filters(countries=("DE",), unknown=(("country", "include"),)), Filters(campaign_budget=500.0)]
    for filters in cases:
        # the slow reference: each rule on the pandas columns themselves
        expected = np.ones(n, dtype=bool)
        followers = table["followers"].to_numpy(dtype=float)
        if filters.platforms:
            expected &= table["platform"].isin(filters.platforms).fillna(False).to_numpy(dtype=bool)
        if filters.countries:
            known = table["country"].isin(filters.countries).fillna(False).to_numpy(dtype=bool)
            unknown = table["country"].isna().to_numpy(dtype=bool) & (filters.policy("country") == "include")
            expected &= known | unknown
        if filters.languages:
            expected &= table["language"].isin(filters.languages).to_numpy(dtype=bool)
        if filters.min_followers is not None:
            expected &= followers >= filters.min_followers
        if filters.max_followers is not None:
            expected &= followers <= filters.max_followers
        if filters.tiers:
            names = np.where(followers < 10_000, "nano", np.where(followers < 100_000, "micro",
                             np.where(followers < 1_000_000, "macro", "mega")))
            expected &= np.isin(names, filters.tiers)
        if filters.min_trust is not None:
            expected &= table["trust_score"].fillna(-1.0).to_numpy() >= filters.min_trust
        if filters.price_cap is not None:
            price = table["price_per_post"].to_numpy()
            expected &= np.isnan(price) | (price <= filters.price_cap)
        assert columns.mask(filters, tiers).tolist() == expected.tolist()
    excluded = {"c3", "c10", "c999", "nobody"}
    assert np.flatnonzero(~columns.mask(Filters(), tiers, excluded)).tolist() == [3, 10, 999]


def test_sensitive_share_floor_by_hand_with_few_creators_flagged() -> None:
    table, tiers = creators(), TierThresholds()
    table["sensitive_shares"] = [{"drugs_alcohol_tobacco": 0.5, "children": 0.9}, {}, {"adult": 0.05}, None]
    table["sensitive_confidence"] = [0.8, 0.6, 0.7, 0.0]  # d: no caption read
    def mask(**kw: object) -> list[bool]:
        return allowed_mask(table, Filters(**kw), tiers).tolist()  # type: ignore[arg-type]
    # every IAB topic but children: a's 0.5 of alcohol is over 0.1, c's 0.05 of adult is not; d unread is left out
    assert mask(max_sensitive_share=0.1) == [False, True, True, False]
    assert mask(max_sensitive_share=0.1, sensitive_topics=("adult",)) == [True, True, True, False]
    assert mask(max_sensitive_share=0.6, sensitive_topics=("children",)) == [False, True, True, False]
    assert mask(max_sensitive_share=0.0, sensitive_topics=("arms",), unknown=(("safety", "include"),)) == [True] * 4
