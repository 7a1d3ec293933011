"""The matching pipeline on a tiny hand-made catalog, with a bag-of-words encoder."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from index import FaissSearch, index_catalog
from matcher import Catalog, Filters, Matcher, MatchSettings, NicheScorer
from matcher.catalog import validate_creators, validate_posts
from tests.helpers import HashingEncoder


def catalog() -> Catalog:
    creators = pd.DataFrame({
        "creator_id": ["dog1", "dogcat", "cake", "dog2", "dogtok"],
        "handle": ["doggo", "pets", "baker", "pup", "tokdog"],
        "platform": ["instagram", "instagram", "instagram", "instagram", "tiktok"],
        "followers": [1000, 1000, 1000, 1000, 1000],
        "following": [100, 100, 100, 100, 100],
    })
    posts = pd.DataFrame({
        "creator_id": ["dog1", "dogcat", "cake", "dog2", "dogtok"],
        "post_id": ["1", "1", "1", "1", "1"],
        "posted_at": ["2024-01-01"] * 5,
        "caption": ["dog", "dog cat", "cake", "dog #ad", "dog"],
        "likes": [10, 20, 30, 40, 50],
        "comments": [1, 1, 1, 1, 1],
        "brand_mentions": ["", "", "", "redbull", ""],
    })
    rejects: list[dict[str, object]] = []
    valid_creators = validate_creators(creators, "c", rejects)
    valid_posts = validate_posts(posts, "p", valid_creators["creator_id"], rejects)
    assert not rejects
    return Catalog(valid_creators, valid_posts, pd.DataFrame())


def matcher(settings: MatchSettings | None = None) -> Matcher:
    encoder = HashingEncoder(dimension=1024)
    assert len({encoder.axis(w) for w in ("dog", "cat", "cake", "ad")}) == 4  # no hash collisions here
    settings = settings or MatchSettings(min_group_size=1)
    index, search, _ = index_catalog(catalog(), encoder, settings, "v1")
    # without feedback and taxonomy steering the similarities are hand-computable (both: test_niche.py)
    return Matcher(index, encoder, search, settings, NicheScorer(feedback_depth=0, taxonomy_weight=0))


def test_relevance_ranks_by_niche_similarity_alone() -> None:
    response = matcher().match("dog", preset="relevance", k=5)
    ranked = [m.creator_id for m in response.results]
    # 'dog' captions have cosine 1, 'dog cat' 1/sqrt(2), 'dog ad' 1/sqrt(2) (#ad becomes the word ad), 'cake' 0;
    assert set(ranked[:2]) == {"dog1", "dogtok"}
    assert set(ranked[2:4]) == {"dogcat", "dog2"} and ranked[4] == "cake"
    scores = [m.score for m in response.results]
    # niche min-max over the pool: 1, 1, 1/sqrt(2), 1/sqrt(2), 0
    assert scores == pytest.approx([1.0, 1.0, 1 / math.sqrt(2), 1 / math.sqrt(2), 0.0], abs=1e-6)


def test_every_result_is_explained_and_adds_up() -> None:
    response = matcher().match("dog", preset="balanced", k=5)
    for match in response.results:
        total_weight = sum(c.weight for c in match.components)
        for c in match.components:
            expected = 0.5 if c.missing else 0.5 + c.confidence * (c.score - 0.5)
            assert c.normalized == pytest.approx(expected)
            assert c.contribution == pytest.approx(c.weight * c.normalized / total_weight)
        assert sum(c.contribution for c in match.components) == pytest.approx(match.score)
        names = {c.name: c for c in match.components}
        assert names["cost"].missing and names["cost"].normalized == 0.5  # no prices: neutral, not zero
        assert match.evidence and match.evidence[0].text


def test_competitor_is_excluded_by_default_or_penalized_with_a_flag() -> None:
    brief = "dog, not anyone who works with Red Bull"
    excluded = matcher().match(brief, preset="relevance", k=5)
    assert "dog2" not in [m.creator_id for m in excluded.results]
    assert excluded.brief.filters.competitors == ("Red Bull",)
    penalizing = matcher(MatchSettings(min_group_size=1, competitor_policy="penalize", competitor_penalty=0.5))
    response = penalizing.match(brief, preset="relevance", k=5)
    dog2 = next(m for m in response.results if m.creator_id == "dog2")
    assert dog2.score == pytest.approx(0.5 / math.sqrt(2), abs=1e-6)
    assert "promoted competitor redbull on 2024-01-01" in dog2.flags


def test_filters_apply_inside_the_search_and_explicit_wins() -> None:
    response = matcher().match("dog on Instagram", preset="relevance", k=3,
                               filters=Filters(platforms=("tiktok",)))
    assert [m.creator_id for m in response.results] == ["dogtok"]
    assert response.brief.filters.platforms == ("tiktok",)  # explicit over parsed 'instagram'
    assert response.eligible_creators == 1
    empty = matcher().match("dog", filters=Filters(countries=("DE",)))
    assert empty.results == () and empty.eligible_creators == 0


def test_brand_fit_scores_and_explains_a_past_partner() -> None:
    response = matcher().match("dog", preset="relevance", k=5, filters=Filters(brand="Red Bull"))
    by_id = {m.creator_id: {c.name: c for c in m.components} for m in response.results}
    dog2 = next(m for m in response.results if m.creator_id == "dog2")
    # one sponsored post on the catalog's latest brand-event day: recency 1, evidence 2 x 1, fit 1 - exp(-2)
    assert by_id["dog2"]["brand_fit"].score == pytest.approx(1 - math.exp(-2))
    assert "past partner of Red Bull (1 sponsored post, latest 2024-01-01)" in dog2.flags
    # loyalty stays brand-independent: one sponsor (focus 1), no repeat (0): 0.5, with 1 of 3 posts' confidence
    assert by_id["dog2"]["loyalty"].score == pytest.approx(0.5)
    assert by_id["dog2"]["loyalty"].confidence == pytest.approx(1 / 3)
    # a creator who never tagged the brand scores 0, whether it tags other brands or none
    assert by_id["dog1"]["brand_fit"].score == 0.0 and by_id["dog1"]["brand_fit"].confidence == 1.0
    # without a brand in the brief the component carries no weight and is missing
    plain = matcher().match("dog", k=5).results[0]
    fit = next(c for c in plain.components if c.name == "brand_fit")
    assert fit.weight == 0.0 and fit.missing


def test_json_contract_fields() -> None:
    payload = matcher().match("dog", k=2, brief_id="b1").to_dict()
    assert payload["brief_id"] == "b1" and payload["index_version"] == "v1"
    first = payload["results"][0]
    assert {"creator_id", "handle", "platform", "followers", "score", "components", "flags", "evidence"} <= set(first)
    assert {"name", "raw", "score", "confidence", "normalized", "weight", "contribution", "missing"} == set(
        first["components"][0])



def test_match_to_dict_equals_asdict_with_non_finite_numbers_as_null() -> None:
    import dataclasses
    import json

    import numpy as np

    def reference(value: object) -> object:  # the slow path: asdict, then clean recursively
        if isinstance(value, dict):
            return {k: reference(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [reference(v) for v in value]
        if isinstance(value, np.generic):
            value = value.item()
        return None if isinstance(value, float) and not math.isfinite(value) else value

    from matcher import Component, Evidence, Match

    made = Match("c1", "h", "instagram", np.int64(5), "nano", np.float64(0.5),
                 (Component("loyalty", float("nan"), None, np.float64(0.0), float("inf"), 0.1, -0.0, np.True_),),
                 ("flag",), (Evidence("bio", "", "text", np.float32(0.25)),))
    assert made.to_dict()["components"][0] == {"name": "loyalty", "raw": None, "score": None, "confidence": 0.0,
                                               "normalized": None, "weight": 0.1, "contribution": -0.0,
                                               "missing": True}
    results = (*matcher().match("dog", k=5).results, made)
    for match in results:
        fast = match.to_dict()
        assert fast == reference(dataclasses.asdict(match))
        assert list(fast) == [f.name for f in dataclasses.fields(match)]
        json.dumps(fast, allow_nan=False)  # strict JSON: no NaN left

def test_search_is_the_faiss_flat_index() -> None:
    assert isinstance(matcher().search, FaissSearch)


def test_a_profile_found_by_binary_search_is_the_one_the_scan_finds() -> None:
    from matcher import UnknownCreator, creator_profile

    engine = matcher()
    for creator_id in engine.index.creators["creator_id"]:
        assert engine.profile(creator_id) == creator_profile(engine.index, creator_id)
    for missing in ("nobody", engine.index.creators["creator_id"].iloc[0] + "\x00"):
        with pytest.raises(UnknownCreator):
            engine.profile(missing)
        with pytest.raises(UnknownCreator):
            creator_profile(engine.index, missing)
