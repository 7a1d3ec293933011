from __future__ import annotations

import pytest
from pydantic import ValidationError

from matcher import TierThresholds
from matcher.tiers import assign_tiers


def test_tier_edges_belong_to_the_upper_tier() -> None:
    tiers = assign_tiers([0, 9_999, 10_000, 99_999, 100_000, 1_000_000], TierThresholds())
    assert tiers.tolist() == ["nano", "nano", "micro", "micro", "macro", "mega"]


def test_thresholds_are_settings_and_must_increase() -> None:
    custom = TierThresholds(micro=5_000, macro=50_000, mega=500_000)
    assert assign_tiers([6_000, 60_000], custom).tolist() == ["micro", "macro"]
    assert custom.bounds("micro") == (5_000, 50_000)
    with pytest.raises(ValidationError, match="must increase"):
        TierThresholds(micro=10, macro=5, mega=100)
