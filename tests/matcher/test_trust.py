from __future__ import annotations

import numpy as np
import pytest

from matcher.trust import TRUST_WEIGHTS, trust_components, trust_flags, trust_signal

NAN = np.nan


def components(**overrides: float) -> dict[str, np.ndarray]:
    values = {"followers": NAN, "following": NAN, "posts_count": NAN, "has_bio": NAN, "account_age_days": NAN,
              "comments_per_like": NAN, "engagement_vs_group": NAN, "sponsored_share": NAN,
              "fake_follower_pct": NAN}
    values.update(overrides)
    return trust_components(**{k: np.array([v], dtype=float) for k, v in values.items()})


def test_each_component_by_hand() -> None:
    # following/followers (with +1 each) = 1000/100 = 10 -> 1/(1+(10/10)^2) = 0.5
    assert components(followers=99, following=999)["balance"][0] == pytest.approx(0.5)
    # ratio 20 -> 1/(1+4) = 0.2
    assert components(followers=49, following=999)["balance"][0] == pytest.approx(0.2)
    # posts 49 -> (49+1)/(49+1+50) = 0.5; posts 149 -> 150/200 = 0.75
    assert components(posts_count=49)["activity"][0] == pytest.approx(0.5)
    assert components(posts_count=149)["activity"][0] == pytest.approx(0.75)
    # age 360 days -> 1/(1+(180/360)^2) = 0.8
    assert components(account_age_days=360)["age"][0] == pytest.approx(0.8)
    # comments per like 0.02: low side 1/(1+(0.002/0.02)^2) = 1/1.01, high side 1/(1+(0.02/0.5)^2) = 1/1.0016
    assert components(comments_per_like=0.02)["comment_balance"][0] == pytest.approx(1 / 1.01 / 1.0016)
    # engagement at 1/20 of the group: 1/(1+(0.1/0.05)^2) * 1/(1+(0.05/10)^2) = 0.2 * 1/1.000025
    assert components(engagement_vs_group=0.05)["engagement_fit"][0] == pytest.approx(0.2 / 1.000025)
    # sponsored share 0.55 -> 1 - (0.55-0.3)/0.5 = 0.5; 0.1 -> 1 (clipped)
    assert components(sponsored_share=0.55)["sponsored_share"][0] == pytest.approx(0.5)
    assert components(sponsored_share=0.1)["sponsored_share"][0] == pytest.approx(1.0)
    # vendor 20% fake -> 1 - 20/50 = 0.6
    assert components(fake_follower_pct=20)["vendor_audit"][0] == pytest.approx(0.6)


def test_missing_components_are_left_out_not_zero() -> None:
    parts = components(followers=99, following=999, posts_count=149)
    signal = trust_signal(parts)
    # only balance (0.5, w=1) and activity (0.75, w=1) are known -> mean 0.625
    assert signal.score[0] == pytest.approx(0.625)
    assert signal.confidence[0] == pytest.approx(2.0 / sum(TRUST_WEIGHTS.values()))
    nothing = trust_signal(components())
    assert np.isnan(nothing.score[0]) and nothing.confidence[0] == 0.0


def test_weights_shape_the_mean() -> None:
    parts = components(posts_count=49, fake_follower_pct=40)
    # activity 0.5 (w=1), vendor 1 - 40/50 = 0.2 (w=2) -> (0.5 + 0.4) / 3 = 0.3
    assert trust_signal(parts).score[0] == pytest.approx(0.3)


def test_flags_name_the_problem_with_the_numbers() -> None:
    raw = {"followers": np.array([100.0]), "following": np.array([5000.0]), "posts_count": np.array([3.0]),
           "account_age_days": np.array([NAN]), "comments_per_like": np.array([NAN]),
           "engagement_vs_group": np.array([0.02]), "sponsored_share": np.array([0.9]),
           "fake_follower_pct": np.array([NAN])}
    parts = trust_components(has_bio=np.array([1.0]), **raw)
    flags = trust_flags(parts, raw)[0]
    assert "follows far more accounts than follow back (5,000 following, 100 followers)" in flags
    assert "very few posts (3)" in flags
    assert "followers far exceed engagement (0.02x the group median)" in flags
    assert "90% of recent posts are sponsored" in flags
    assert len(flags) == 4  # nothing is flagged for missing data
