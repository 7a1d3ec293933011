from __future__ import annotations

import numpy as np
import pytest

from matcher.scales import falling, percentile_within, rising, weighted_mean


def test_rising_and_falling_hill_curves_by_hand() -> None:
    # 1 / (1 + (10 / x)^2): x=10 -> 1/2, x=20 -> 1/(1+1/4) = 0.8, x=5 -> 1/(1+4) = 0.2
    assert rising([10, 20, 5], 10, 2) == pytest.approx([0.5, 0.8, 0.2])
    # 1 / (1 + (x / 10)^2): x=10 -> 1/2, x=20 -> 1/5, x=5 -> 0.8
    assert falling([10, 20, 5], 10, 2) == pytest.approx([0.5, 0.2, 0.8])
    assert np.isnan(rising([np.nan], 1, 1)[0]) and np.isnan(falling([np.nan], 1, 1)[0])


def test_percentile_within_groups_uses_mid_ranks() -> None:
    values = [3.0, 1.0, 2.0, 7.0, np.nan, 5.0, 5.0]
    groups = ["a", "a", "a", "b", "b", "c", "c"]
    # group a: ranks 3,1,2 of n=3 -> (r-0.5)/3; group b: one value -> 0.5, NaN stays NaN;
    # group c: tie -> both average rank 1.5 of n=2 -> 0.5
    expected = [2.5 / 3, 0.5 / 3, 1.5 / 3, 0.5, np.nan, 0.5, 0.5]
    assert percentile_within(values, groups) == pytest.approx(expected, nan_ok=True)


def test_weighted_mean_leaves_missing_out_and_reports_available_share() -> None:
    scores = {"x": np.array([1.0, np.nan, np.nan]), "y": np.array([0.0, 0.5, np.nan])}
    mean, share = weighted_mean(scores, {"x": 3.0, "y": 1.0})
    # row 0: (3*1 + 1*0)/4 = 0.75, all weight available; row 1: only y -> 0.5, share 1/4
    assert mean[:2] == pytest.approx([0.75, 0.5])
    assert share == pytest.approx([1.0, 0.25, 0.0])
    assert np.isnan(mean[2])
