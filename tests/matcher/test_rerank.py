"""Retrieve and re-rank: the pool's size, its components and its order, by hand on the tiny catalog."""

from __future__ import annotations

import math

import numpy as np
import pytest

from matcher import COMPONENTS, Filters, MatchSettings
from tests.matcher.test_engine import matcher


def test_the_pool_grows_only_when_brand_fit_can_count() -> None:
    engine = matcher(MatchSettings(min_group_size=1, candidate_pool=3, brand_pool=4))
    plain = engine.query("dog", k=2)
    branded = engine.query("dog", k=2, filters=Filters(brand="redbull"))
    niche_only = engine.query("dog", k=2, preset="relevance", filters=Filters(brand="redbull"))
    assert engine.reranker.pool_size(plain) == 3  # candidate_pool
    assert engine.reranker.pool_size(branded) == 4  # brand_pool: balanced weighs brand fit
    assert engine.reranker.pool_size(niche_only) == 3  # relevance gives brand fit no weight
    assert engine.reranker.pool_size(engine.query("dog", k=5)) == 5  # never fewer than asked


def test_the_ranking_orders_the_pool_by_total_then_niche() -> None:
    engine = matcher()
    ranked = engine.rank(engine.query("dog", preset="relevance", k=5))
    assert set(ranked.components) == set(COMPONENTS)
    ids = [ranked.columns["creator_id"][p] for p in ranked.order]
    # cosine with 'dog': 1 for dog1 and dogtok, 1/sqrt(2) for 'dog cat' and 'dog #ad', 0 for cake
    assert set(ids[:2]) == {"dog1", "dogtok"} and set(ids[2:4]) == {"dogcat", "dog2"} and ids[4] == "cake"
    raw = dict(zip(ranked.columns["creator_id"], ranked.niche_raw, strict=True))
    assert raw["dogcat"] == pytest.approx(1 / math.sqrt(2), abs=1e-6) and raw["cake"] == pytest.approx(0.0)
    totals = ranked.total[ranked.order]
    assert np.all(np.diff(totals) <= 1e-12)
