from __future__ import annotations

import numpy as np
import pytest

from matcher.cost import cost_signal


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
