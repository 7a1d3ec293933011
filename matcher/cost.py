"""Cost per expected engagement (the field judges value by it, not by reach) and the price of a post."""

from __future__ import annotations

import math
from typing import NamedTuple, cast

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

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


# Industry rule-of-thumb price of one post per 1,000 followers, by platform (USD): the WebFX rate
# sheet as summarized in Word on the Block's "Influencer Pricing Guide" (2023) and Get Hyped Media's
# "Influencer Rate Sheet": Instagram $10, YouTube $20, TikTok $2.50, Twitter $2, Facebook $25 per
# 1,000 followers. Platforms the sheet does not cover take the Instagram rate.
RATE_PER_THOUSAND: dict[str, float] = {"instagram": 10.0, "youtube": 20.0, "tiktok": 2.5, "twitter": 2.0,
                                       "facebook": 25.0}
DEFAULT_RATE_PER_THOUSAND = 10.0
# known prices a (platform, tier) group needs before its own median rate replaces the rule of thumb
MIN_KNOWN_PRICES = 5
# how far engagement moves an estimate: x0.75 at the bottom of the creator's group, x1.25 at the top
ENGAGEMENT_PRICE_SPREAD = 0.5


class PriceEstimate(NamedTuple):
    """Price of one post per creator, whether it was estimated, and what the estimate rests on (a few texts, so
    a categorical: a byte a creator, where an object array was 8)."""

    price: NDArray[np.float64]
    estimated: NDArray[np.bool_]
    basis: pd.Categorical[str]


def estimate_prices(price_per_post: ArrayLike, followers: ArrayLike, platforms: ArrayLike, tiers: ArrayLike,
                    engagement_score: ArrayLike, min_known: int = MIN_KNOWN_PRICES) -> PriceEstimate:
    """Known prices kept; unknown ones estimated by platform, tier and engagement.

    ``estimate = followers / 1000 * rate(platform, tier) * (0.75 + 0.5 * engagement_score)``.
    The rate per 1,000 followers is the median of the catalog's own known prices in the creator's
    (platform, tier) group when that group has at least `min_known` of them, else in its platform,
    else the industry rule of thumb of `RATE_PER_THOUSAND` (WebFX rate sheet; sources in the constant's comment and
    docs/planning.md). The engagement factor is an assumption, not a measurement: creators engaging
    better than their peers charge up to 25% more; a missing engagement score leaves it at 1.
    """
    price = np.asarray(price_per_post, dtype=float)
    count = np.asarray(followers, dtype=float)
    platform, platform_names, platform_known = _coded(platforms)
    tier, tier_names, tier_known = _coded(tiers)
    engagement = np.asarray(engagement_score, dtype=float)
    n = len(price)
    for name, values in (("followers", count), ("platforms", platform), ("tiers", tier),
                         ("engagement_score", engagement)):
        if len(values) != n:
            raise ValueError(f"{name}: has {len(values)} values, price_per_post has {n}")
    if np.any(count < 0) or np.any(np.isnan(count)):
        raise ValueError("followers: must be known and >= 0")
    if np.any(price[~np.isnan(price)] < 0):
        raise ValueError("price_per_post: must be >= 0")
    known = ~np.isnan(price) & (count > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_thousand = np.where(known, price / count * 1000.0, np.nan)
    # medians by (platform, tier) and by platform; a group whose platform or tier is missing has none
    groups = pd.DataFrame({"platform": platform, "tier": tier, "rate": per_thousand})
    by_tier = groups[(platform < platform_known) & (tier < tier_known)].groupby(["platform", "tier"])["rate"].agg(
        ["median", "count"])
    by_platform = groups[platform < platform_known].groupby("platform")["rate"].agg(["median", "count"])
    rate = np.empty(n)
    basis = np.empty(n, dtype=np.int32)
    texts: dict[str, int] = {}  # each basis text's code
    tier_rates = {(platform_names[k[0]], tier_names[k[1]]): (float(m), int(c))
                  for k, m, c in zip(by_tier.index, by_tier["median"], by_tier["count"], strict=True)}
    platform_rates = {platform_names[k]: (float(m), int(c))
                      for k, m, c in zip(by_platform.index, by_platform["median"], by_platform["count"], strict=True)}
    # one decision per (platform, tier) pair, not per creator: a catalog has a handful of pairs
    pairs = platform.astype(np.int64) * len(tier_names) + tier
    for key, rows in pd.Series(pairs).groupby(pairs, sort=False).indices.items():
        platform_code, tier_code = divmod(cast(int, key), len(tier_names))
        where, level = platform_names[platform_code], tier_names[tier_code]
        median, known_prices = tier_rates.get((where, level), (math.nan, 0))
        if known_prices >= min_known:
            rate[rows] = median
            basis[rows] = texts.setdefault(f"median known price per follower of {where} {level} creators in the "
                                           "catalog", len(texts))
            continue
        median, known_prices = platform_rates.get(where, (math.nan, 0))
        if known_prices >= min_known:
            rate[rows] = median
            basis[rows] = texts.setdefault(f"median known price per follower of {where} creators in the catalog",
                                           len(texts))
        else:
            rate[rows] = RATE_PER_THOUSAND.get(where, DEFAULT_RATE_PER_THOUSAND)
            basis[rows] = texts.setdefault(f"industry rate ${rate[rows[0]]:g} per 1,000 {where} followers", len(texts))
    factor = np.where(np.isnan(engagement), 1.0,
                      1.0 - ENGAGEMENT_PRICE_SPREAD / 2 + ENGAGEMENT_PRICE_SPREAD * np.clip(engagement, 0.0, 1.0))
    estimate = count / 1000.0 * rate * factor
    estimated = np.isnan(price)
    basis[~estimated] = texts.setdefault("price_per_post in the catalog", len(texts))
    return PriceEstimate(np.where(estimated, estimate, price), estimated,
                         pd.Categorical.from_codes(basis, categories=pd.Index(list(texts))))


def _coded(values: ArrayLike) -> tuple[NDArray[np.intp], list[str], int]:
    """A text column as a code per row, the text of each code, and how many codes are known values (the codes
    after them are missing values, each distinct text of one, as None or nan, its own code).

    Codes, not a Python object per row: 1M creators' platforms and tiers made objects cost some 60 bytes each
    while prices were estimated, and the process kept much of that memory after they were freed.
    """
    column = values if isinstance(values, pd.Series) else np.asarray(values, dtype=object)
    coded, uniques = pd.factorize(column, use_na_sentinel=True)
    codes = np.asarray(coded, dtype=np.intp)
    names = [f"{value}" for value in uniques]
    known = len(names)
    missing = np.flatnonzero(codes < 0)
    if len(missing):
        texts = [f"{value}" for value in np.asarray(
            column.iloc[missing] if isinstance(column, pd.Series) else column[missing], dtype=object)]
        extra = {text: known + i for i, text in enumerate(dict.fromkeys(texts))}
        names.extend(extra)
        codes[missing] = [extra[text] for text in texts]
    return codes, names, known
