"""Audience profiles and their overlaps, by hand."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.overlap import audience_profiles, pairwise_overlap

ONE_NICHE = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]])


def test_overlap_of_audience_country_shares_is_the_sum_of_min_shares() -> None:
    profiles = audience_profiles(
        ["instagram", "instagram", "tiktok"], ONE_NICHE, ["DE", "DE", "DE"],
        [{"DE": 0.6, "AT": 0.4}, {"DE": 0.5, "FR": 0.5}, {"DE": 0.6, "AT": 0.4}], shared=1.0)
    overlap = pairwise_overlap(profiles.matrix)
    # same platform and niche: min(0.6, 0.5) on DE + min(0.4, 0) on AT + min(0, 0.5) on FR = 0.5
    assert overlap[0, 1] == pytest.approx(0.5)
    # another platform: other people
    assert overlap[0, 2] == pytest.approx(0.0)
    assert np.diag(overlap) == pytest.approx([1.0, 1.0, 1.0])
    assert profiles.basis == ("audience shares",) * 3


def test_private_share_caps_the_overlap_of_two_creators() -> None:
    profiles = audience_profiles(["instagram", "instagram"], ONE_NICHE[:2], ["DE", "DE"], [None, None], shared=0.4)
    overlap = pairwise_overlap(profiles.matrix)
    # identical cells (instagram, niche 0, DE) but 60% of each audience is its own
    assert overlap[0, 1] == pytest.approx(0.4)
    assert profiles.matrix.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert profiles.basis == ("content, platform, country",) * 2


def test_unknown_country_and_missing_age_are_spread_evenly_over_what_the_pool_has() -> None:
    profiles = audience_profiles(
        ["youtube", "youtube", "youtube"], ONE_NICHE, ["DE", "FR", None], [None, None, None],
        audience_age=[{"18-24": 1.0}, None, {"25-34": 0.5}], shared=1.0)
    overlap = pairwise_overlap(profiles.matrix)
    # countries seen: DE, FR. Creator 2 is half DE, half FR; ages seen: 18-24, 25-34.
    # creator 0: DE x 18-24 = 1. creator 1: FR x (1/2, 1/2). creator 2: (1/2, 1/2) x ages: its 25-34
    # share 0.5 plus the unassigned 0.5 spread evenly -> 18-24: 0.25, 25-34: 0.75.
    # o_02 = min(1, 0.5 * 0.25) = 0.125; o_12 = FR x 18-24: min(0.5, 0.125) + FR x 25-34: min(0.5, 0.375) = 0.5
    assert overlap[0, 1] == pytest.approx(0.0)
    assert overlap[0, 2] == pytest.approx(0.125)
    assert overlap[1, 2] == pytest.approx(0.5)


def test_content_mix_keeps_the_top_three_niches() -> None:
    mix = np.array([[0.5, 0.3, 0.1, 0.1], [0.0, 0.0, 0.5, 0.5]])
    profiles = audience_profiles(["instagram", "instagram"], mix, [None, None], [None, None], shared=1.0)
    # creator 0 keeps niches 0, 1, 2 (0.5, 0.3, 0.1 renormalized by 0.9): niche 2 gets 1/9; creator 1 has
    # niche 2 at 0.5 -> overlap min(1/9, 0.5) = 1/9
    assert pairwise_overlap(profiles.matrix)[0, 1] == pytest.approx(1 / 9)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"content_mix": np.ones((1, 2))}, "content_mix"),
    ({"shared": 1.5}, "shared"),
    ({"countries": ["DE"]}, "countries"),
])
def test_bad_input_names_the_field(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"platforms": ["instagram", "tiktok"], "content_mix": np.ones((2, 2)),
                                    "countries": ["DE", "FR"], "audience_countries": [None, None]}
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=message):
        audience_profiles(**arguments)  # type: ignore[arg-type]
