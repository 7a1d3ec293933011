from __future__ import annotations

import numpy as np
import pytest

from matcher import BriefError, MatchSettings
from matcher.ranking import ComponentScores, combine, min_max, normalize_component, resolve_weights


def test_normalize_shrinks_towards_neutral_by_confidence() -> None:
    score = np.array([1.0, 0.2, np.nan, 0.8])
    confidence = np.array([1.0, 0.5, 0.0, 0.0])
    # 0.5 + c * (s - 0.5): 1.0; 0.5 + 0.5 * -0.3 = 0.35; missing -> 0.5; no confidence -> 0.5
    assert normalize_component(score, confidence) == pytest.approx([1.0, 0.35, 0.5, 0.5])


def test_combine_by_hand() -> None:
    components = {
        "niche": ComponentScores(np.array([0.9, 0.3]), np.array([1.0, 0.0]), np.ones(2)),
        "trust": ComponentScores(np.array([0.2, 0.9]), np.array([0.2, 0.9]), np.array([1.0, 1.0])),
        "cost": ComponentScores(np.full(2, np.nan), np.full(2, np.nan), np.zeros(2)),
    }
    combined = combine(components, {"niche": 0.6, "trust": 0.3, "cost": 0.1})
    # creator 0: (0.6*1 + 0.3*0.2 + 0.1*0.5) / 1.0 = 0.71; creator 1: 0 + 0.27 + 0.05 = 0.32
    assert combined.total == pytest.approx([0.71, 0.32])
    assert combined.contribution["cost"] == pytest.approx([0.05, 0.05])
    assert sum(combined.contribution.values()) == pytest.approx(combined.total)


def test_resolve_weights_presets_and_overrides() -> None:
    settings = MatchSettings()
    relevance = resolve_weights(settings, "relevance", None)
    assert relevance["niche"] == 1.0 and sum(relevance.values()) == 1.0
    custom = resolve_weights(settings, "relevance", {"trust": 0.5})
    assert custom["trust"] == 0.5 and custom["niche"] == 1.0
    with pytest.raises(BriefError, match="preset: unknown 'fastest'"):
        resolve_weights(settings, "fastest", None)
    with pytest.raises(BriefError, match="unknown component 'vibes'"):
        resolve_weights(settings, None, {"vibes": 1.0})
    with pytest.raises(BriefError, match="'trust' must be a finite number >= 0"):
        resolve_weights(settings, None, {"trust": -1.0})
    with pytest.raises(BriefError, match="at least one weight must be positive"):
        resolve_weights(settings, "relevance", {"niche": 0.0})


def test_min_max() -> None:
    assert min_max(np.array([0.2, 0.6, 0.4])) == pytest.approx([0.0, 1.0, 0.5])
    assert min_max(np.array([0.3, 0.3])).tolist() == [1.0, 1.0]


def test_parse_weights() -> None:
    from matcher.ranking import parse_weights

    assert parse_weights("niche=0.6, trust=0.4") == {"niche": 0.6, "trust": 0.4}
    assert parse_weights("niche:0.7+cost:0.3", separator="+", assign=":") == {"niche": 0.7, "cost": 0.3}
    with pytest.raises(BriefError, match="'trust' is not name=number"):
        parse_weights("niche=1,trust")
