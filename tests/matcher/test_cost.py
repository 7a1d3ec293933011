from __future__ import annotations

import numpy as np
import pytest

from matcher.cost import cost_signal, estimate_prices


def test_cost_per_engagement_and_score_by_hand() -> None:
    price = np.array([100.0, 300.0, 50.0, np.nan, 10.0])
    expected = np.array([50.0, 100.0, 100.0, 20.0, 0.0])
    signal = cost_signal(price, expected, np.array([1.0, 0.5, 1.0, 1.0, 1.0]))
    # 100/50 = 2, 300/100 = 3, 50/100 = 0.5; unknown price and zero engagement are missing
    assert signal.cost_per_engagement[:3] == pytest.approx([2.0, 3.0, 0.5])
    assert np.isnan(signal.cost_per_engagement[3:]).all()
    # percentiles among priced: 0.5 -> 1/6, 2 -> 1/2, 3 -> 5/6; score = 1 - percentile
    assert signal.score[:3] == pytest.approx([0.5, 1 / 6, 5 / 6])
    assert signal.confidence.tolist() == [1.0, 0.5, 1.0, 0.0, 0.0]


def test_known_prices_are_kept_and_unknown_ones_estimated_by_hand() -> None:
    # two instagram micro creators with known prices at $10 and $20 per 1,000 followers
    price = np.array([100.0, 400.0, np.nan, np.nan, np.nan])
    followers = np.array([10_000, 20_000, 30_000, 30_000, 50_000])
    platforms = ["instagram", "instagram", "instagram", "tiktok", "youtube"]
    tiers = ["micro", "micro", "micro", "micro", "micro"]
    engagement = np.array([0.5, 0.5, 1.0, np.nan, 0.0])
    estimate = estimate_prices(price, followers, platforms, tiers, engagement, min_known=2)
    assert estimate.estimated.tolist() == [False, False, True, True, True]
    # instagram micro: median of 10 and 20 = $15 per 1,000, x (0.75 + 0.5 * 1.0) = 1.25 -> 30 x 15 x 1.25
    # tiktok: no known prices, industry $2.50 per 1,000, engagement unknown -> x1: 30 x 2.5
    # youtube: industry $20 per 1,000, bottom engagement -> x0.75: 50 x 20 x 0.75
    assert estimate.price.tolist() == pytest.approx([100.0, 400.0, 562.5, 75.0, 750.0])
    assert "instagram micro" in estimate.basis[2] and "industry rate $2.5" in estimate.basis[3]
    assert estimate.basis[0] == "price_per_post in the catalog"


def test_platform_median_is_used_when_the_tier_has_too_few_prices() -> None:
    price = np.array([100.0, 200.0, np.nan])
    estimate = estimate_prices(price, [10_000, 10_000, 200_000], ["tiktok"] * 3, ["micro", "micro", "macro"],
                               [np.nan] * 3, min_known=2)
    # tiktok macro has no known price; tiktok overall: median of $10 and $20 per 1,000 = $15 -> 200 x 15
    assert estimate.price[2] == pytest.approx(3000.0)
    assert "tiktok creators in the catalog" in estimate.basis[2]


def test_price_estimate_input_errors_name_the_field() -> None:
    with pytest.raises(ValueError, match="followers"):
        estimate_prices([np.nan], [-1], ["instagram"], ["nano"], [0.5])
    with pytest.raises(ValueError, match="platforms"):
        estimate_prices([np.nan], [10], [], ["nano"], [0.5])
