"""One query per request: weights, limits, seeds and eligibility resolved once, errors naming their field."""

from __future__ import annotations

import numpy as np
import pytest

from matcher import BriefError, Filters, MatchSettings
from matcher.query import check_limit, names_a_brand, weights_for
from tests.matcher.test_engine import matcher


def test_brand_fit_counts_only_when_a_brand_is_named() -> None:
    settings = MatchSettings()
    assert weights_for(settings, "balanced", None, Filters(brand="Zara"))["brand_fit"] == 0.3
    assert weights_for(settings, "balanced", None, Filters())["brand_fit"] == 0.0
    assert not names_a_brand(Filters(brand="🙂")) and names_a_brand(Filters(brand="H&M"))
    with pytest.raises(BriefError, match="weights: brand_fit is the only positive weight") as raised:
        weights_for(settings, "relevance", {"niche": 0.0, "brand_fit": 1.0}, Filters())
    assert raised.value.field == "weights"


def test_a_limit_below_one_names_its_field() -> None:
    assert check_limit(3) == 3
    with pytest.raises(BriefError) as raised:
        check_limit(0, field="size")
    assert (raised.value.field, str(raised.value)) == ("size", "size: must be at least 1, got 0")


def test_a_brief_query_holds_what_the_ranking_needs() -> None:
    engine = matcher()
    query = engine.query("dog on TikTok", preset="relevance")
    # one creator of five posts on TikTok; the limit falls back to 10; 'TikTok' leaves the niche text
    assert (query.eligible, query.limit, query.preset, query.filters.platforms) == (1, 10, "relevance", ("tiktok",))
    assert list(engine.index.creators["creator_id"][query.allowed]) == ["dogtok"]
    assert query.weights["niche"] == 1.0 and query.brief.query_text.strip() == "dog"
    # the hashing encoder puts 'dog' on one axis: the vector is that axis
    axis = engine.encoder.axis("dog")
    assert query.vector[axis] == pytest.approx(1.0) and np.count_nonzero(query.vector) == 1


def test_nothing_eligible_leaves_the_brief_unencoded() -> None:
    engine = matcher()
    calls = len(engine.encoder.calls)
    query = engine.query("dog", filters=Filters(countries=("DE",)))
    assert query.eligible == 0 and query.vector.size == 0 and len(engine.encoder.calls) == calls
    answer = engine.answer(query)
    assert answer.results == () and answer.shortfall is not None and "countries DE removes 5" in answer.shortfall


def test_seeds_are_left_out_and_unknown_seeds_name_the_field() -> None:
    engine = matcher()
    query = engine.queries.for_seeds(["dog1", "dog1"], filters=Filters(), limit=3, preset="relevance", weights=None)
    assert query.eligible == 4 and not query.allowed[0]  # dog1 is row 0, left out once though named twice
    with pytest.raises(BriefError) as raised:
        engine.queries.for_seeds(["nobody"], filters=Filters(), limit=3, preset=None, weights=None)
    assert raised.value.field == "creator_ids" and "'nobody'" in raised.value.message
