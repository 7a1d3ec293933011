"""The harness on a synthetic catalog whose niches are known (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ranx import Qrels

from eval import check_thresholds, evaluate_configurations, parse_configurations, write_report
from index import build_store, open_matcher
from matcher import BriefError, MatchSettings
from tests.helpers import HashingEncoder

BRIEFS = {
    "beauty": "makeup tutorial, lipstick and skincare routine",
    "fitness": "gym workout and training, leg day",
    "food": "homemade recipe, baking cakes and dessert",
    "travel": "travel trips, wanderlust and vacation abroad",
    "pets": "dog and puppy, rescue dog walks",
    "gaming": "gaming setup, streaming and esports",
}


@pytest.fixture(scope="module")
def evaluated(small_demo, tmp_path_factory: pytest.TempPathFactory):
    demo, creators, posts = small_demo
    store = tmp_path_factory.mktemp("store")
    encoder = HashingEncoder(dimension=512)
    build_store(creators, posts, store, encoder)
    matcher = open_matcher(store, encoder)
    briefs = [{"brief_id": niche, "text": text} for niche, text in BRIEFS.items()]
    truth = demo.niches
    qrels = Qrels({niche: {cid: 1 for cid in truth.loc[truth["niche"] == niche, "creator_id"]} for niche in BRIEFS})
    configurations = parse_configurations("relevance,balanced,cosine,bm25,random,hybrid,mine=niche:0.8+trust:0.2",
                                          list(MatchSettings().presets))
    return matcher, evaluate_configurations(matcher, briefs, qrels, configurations, k=50)


def test_the_engine_beats_random_with_significance(evaluated) -> None:
    _, result = evaluated
    summary = result.summary
    assert list(summary.index) == ["relevance", "balanced", "cosine", "bm25", "random", "hybrid", "mine"]
    # 240 creators in 8 niches: a random top 10 holds about 1.25 relevant creators
    assert summary.loc["random", "precision@10"] < 0.35
    assert summary.loc["relevance", "ndcg@10"] > 0.8 and summary.loc["bm25", "ndcg@10"] > 0.8
    pairs = result.p_values.set_index(["a", "b", "metric"])["p_value"]
    assert pairs[("relevance", "random", "ndcg@10")] < 0.05
    assert set(result.per_brief["configuration"]) == set(summary.index)
    assert len(result.per_brief) == 7 * len(BRIEFS)


def test_shortlist_quality_is_reported_per_configuration(evaluated) -> None:
    matcher, result = evaluated
    shortlist = result.shortlist
    assert list(shortlist.columns) == ["engagement@10", "trust@10", "loyalty@10", "flagged@10"]
    # recompute one configuration's trust@10 directly from the creators table
    creators = matcher.index.creators.set_index("creator_id")
    tops = [ranked[:10] for ranked in result.rankings["random"].values()]
    trust = [creators.loc[c, "trust_score"] for top in tops for c in top]
    expected = sum(t for t in trust if t == t) / sum(1 for t in trust if t == t)
    assert shortlist.loc["random", "trust@10"] == pytest.approx(expected)


def test_fail_under_gates_engine_configurations_only(evaluated) -> None:
    _, result = evaluated
    assert check_thresholds(result, ["ndcg@10=0.5"]) == []  # random is a baseline: not gated
    failures = check_thresholds(result, ["relevance:ndcg@10=1.01", "random:mrr=0.99"])
    assert len(failures) == 2 and failures[0].startswith("relevance: ndcg@10")
    with pytest.raises(BriefError, match="unknown metric"):
        check_thresholds(result, ["ndcg@11=0.5"])


def test_report_folder_has_tables_plots_and_provenance(evaluated, tmp_path: Path) -> None:
    _, result = evaluated
    files = write_report(result, tmp_path / "report", {"command": "creatormatch eval ...", "model": "m"},
                         reference="relevance", difference_pair=("relevance", "bm25"))
    for path in files.values():
        assert path.exists() and path.stat().st_size > 0
    assert files["metrics_png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    markdown = files["metrics_md"].read_text()
    assert "| relevance |" in markdown and "p(ndcg@10)" in markdown


def test_configuration_parsing_errors_name_the_problem() -> None:
    presets = list(MatchSettings().presets)
    with pytest.raises(BriefError, match="unknown 'fancy'"):
        parse_configurations("relevance,fancy", presets)
    with pytest.raises(BriefError, match="names must be unique"):
        parse_configurations("bm25,bm25", presets)
    with pytest.raises(BriefError, match="'niche' is not name:number"):
        parse_configurations("x=niche", presets)


def test_the_cosine_baseline_is_the_brute_force_nearest_centroids(evaluated) -> None:
    # a slow reference: every creator's centroid against the brief's vector, in numpy
    import numpy as np

    from matcher.briefs import parse_brief

    matcher, result = evaluated
    ids = matcher.index.creators["creator_id"].to_numpy()
    for brief_id, text in BRIEFS.items():
        query = matcher.encoder.encode([parse_brief(text).query_text])[0]
        similarity = matcher.index.creator_vectors @ query
        expected = [str(c) for c in ids[np.lexsort((np.arange(len(ids)), -similarity))][:10]]
        ranked = result.rankings["cosine"][brief_id][:10]
        # FAISS and numpy may order exact ties differently: compare the similarities rank by rank
        row_of = {str(c): i for i, c in enumerate(ids)}
        assert np.allclose([similarity[row_of[c]] for c in ranked], [similarity[row_of[c]] for c in expected],
                           atol=1e-5)
