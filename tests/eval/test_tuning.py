"""Learning a preset's weights: the numpy re-ranking against ranx and the engine, coordinate ascent on hand-made
pools, the adoption rule, feedback as labels, and a simulated marketer whose known weights must be found again."""

from __future__ import annotations

import math
import shutil
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from ranx import Qrels, evaluate

from eval import with_feedback
from eval.pairs import run_from_rankings
from eval.tuning import (
    BriefPool,
    adoption,
    as_vector,
    collect_pools,
    coordinate_ascent,
    discounted_gain,
    fold_of,
    mean_ndcg,
    pool_ndcg,
    rankings_of,
    training_hash,
    without_constant_components,
)
from index import FeedbackRecord, IndexStore, matcher_for
from matcher import COMPONENTS
from tests.helpers import HashingEncoder

NICHE, ENGAGEMENT = COMPONENTS.index("niche"), COMPONENTS.index("engagement")


def pool(brief_id: str, columns: dict[str, list[float]], gains: list[float], judged: list[float]) -> BriefPool:
    """A hand-made pool: the named components' values (others 0.5), gains by position, every judged grade."""
    size = len(gains)
    components = np.full((size, len(COMPONENTS)), 0.5)
    for name, values in columns.items():
        components[:, COMPONENTS.index(name)] = values
    ids = np.array([f"{brief_id}-c{i}" for i in range(size)], dtype=object)
    niche = np.asarray(columns.get("niche", [0.0] * size), dtype=float)
    return BriefPool(brief_id, ids, components, niche, np.asarray(gains, dtype=float),
                     discounted_gain(np.sort(np.asarray(judged, dtype=float))[::-1]))


def test_discounted_gain_by_hand() -> None:
    # 3/log2(2) + 2/log2(3) + 0/log2(4) + 1/log2(5)
    assert discounted_gain(np.array([3.0, 2.0, 0.0, 1.0])) == pytest.approx(3 + 2 / math.log2(3) + 1 / math.log2(5))
    assert discounted_gain(np.array([1.0] * 12), depth=10) == pytest.approx(sum(1 / math.log2(r + 1)
                                                                                for r in range(1, 11)))


def test_pool_ndcg_agrees_with_ranx_including_judged_creators_outside_the_pool() -> None:
    rng = np.random.default_rng(4)
    pools, judged = [], {}
    for number in range(6):
        size = 25
        gains = rng.integers(0, 3, size).astype(float)
        brief_id = f"b{number}"
        labels = {f"{brief_id}-c{i}": int(g) for i, g in enumerate(gains) if g > 0}
        labels[f"{brief_id}-outside"] = 2  # judged, never retrieved: counts in the ideal only
        judged[brief_id] = labels
        columns = {name: list(rng.random(size)) for name in ("niche", "engagement", "trust")}
        pools.append(pool(brief_id, columns, list(gains), list(labels.values())))
    weights = as_vector({"niche": 0.5, "engagement": 0.3, "trust": 0.2})
    run = run_from_rankings(rankings_of(pools, {p.brief_id: weights for p in pools}), "r")
    reference = evaluate(Qrels(judged), run, "ndcg@10", return_mean=False)
    assert [pool_ndcg(p, weights) for p in pools] == pytest.approx(list(reference), abs=1e-9)


def test_coordinate_ascent_moves_weight_to_the_component_the_labels_follow() -> None:
    # the labels follow engagement, against niche; starting from niche alone the search must cross over
    pools = [pool(f"b{n}", {"niche": [1.0, 0.6, 0.3, 0.0], "engagement": [0.0, 0.3, 0.6, 1.0]},
                  [0.0, 0.0, 1.0, 3.0], [3.0, 1.0]) for n in range(3)]
    start = as_vector({"niche": 1.0})
    assert mean_ndcg(pools, start) < 0.6
    weights, score = coordinate_ascent(pools, [start])
    assert score == pytest.approx(1.0)
    assert weights[ENGAGEMENT] > weights[NICHE]
    assert weights.sum() == pytest.approx(1.0) and (weights >= 0).all()


def test_a_component_no_pool_varies_keeps_no_weight() -> None:
    pools = [pool("b", {"niche": [1.0, 0.0], "engagement": [0.2, 0.9]}, [1.0, 0.0], [1.0])]
    kept = without_constant_components(pools, as_vector({"niche": 0.5, "trust": 0.25, "engagement": 0.25}))
    assert kept[COMPONENTS.index("trust")] == 0.0
    assert kept[NICHE] == pytest.approx(2 / 3) and kept[ENGAGEMENT] == pytest.approx(1 / 3)


def test_adoption_needs_the_margin_and_a_small_p_value() -> None:
    assert adoption("learned", "balanced", 0.03, 0.01, margin=0.02, alpha=0.05).adopt
    below_margin = adoption("learned", "balanced", 0.015, 0.001, margin=0.02, alpha=0.05)
    assert not below_margin.adopt and "less than the margin 0.02" in below_margin.reason
    chance = adoption("learned", "balanced", 0.05, 0.2, margin=0.02, alpha=0.05)
    assert not chance.adopt and "may be chance" in chance.reason


def test_folds_deal_every_brief_once_and_evenly() -> None:
    ids = [f"b{i}" for i in range(11)]
    folds = fold_of(ids, 3)
    assert set(folds) == set(ids)
    sizes = sorted(list(folds.values()).count(f) for f in range(3))
    assert sizes == [3, 4, 4]
    assert fold_of(ids, 3) == folds  # seeded


def test_training_hash_ignores_order_and_sees_a_changed_label() -> None:
    briefs = [{"brief_id": "a", "text": "dogs"}, {"brief_id": "b", "text": "cats"}]
    labels = Qrels({"a": {"c1": 1}, "b": {"c2": 2}})
    assert training_hash(briefs, labels) == training_hash(briefs[::-1], labels)
    assert training_hash(briefs, labels) != training_hash(briefs, Qrels({"a": {"c1": 1}, "b": {"c2": 1}}))


def test_feedback_adds_briefs_and_the_latest_click_wins() -> None:
    def click(brief_id: str, text: str, creator: str, relevance: int) -> FeedbackRecord:
        return FeedbackRecord(brief_id, text, creator, relevance, None, datetime.now(timezone.utc))

    briefs = [{"brief_id": "a", "text": "dog trainers", "country": "DE"}]
    judged = {"a": {"c1": 1, "c2": 1}}
    records = [click("a", "dog trainers (typed again)", "c2", 1), click("a", "dog trainers", "c2", 0),
               click("b", "vegan cooks", "c3", 0), click("b", "vegan cooks, Berlin", "c3", 2)]
    merged_briefs, merged = with_feedback(briefs, judged, records)
    assert merged == {"a": {"c1": 1, "c2": 0}, "b": {"c3": 2}}
    assert merged_briefs == [{"brief_id": "a", "text": "dog trainers", "country": "DE"},
                             {"brief_id": "b", "text": "vegan cooks, Berlin"}]


BRIEFS = [{"brief_id": f"b{n}", "text": text} for n, text in enumerate(
    ["dog training tips", "vegan recipes", "gym workouts", "makeup tutorials", "travel beaches", "gaming streams"])]


def test_pools_reranked_in_numpy_give_the_engines_own_ranking(hashing_store: Path) -> None:
    loaded = IndexStore(hashing_store).load()
    matcher = matcher_for(loaded, HashingEncoder())
    pools = collect_pools(matcher, BRIEFS)
    assert len(pools) == len(BRIEFS)
    for preset in ("balanced", "engagement", "brand_safe"):
        weights = as_vector(matcher.settings.presets[preset])
        ours = rankings_of(pools, {p.brief_id: weights for p in pools}, ranked=20)
        for brief in BRIEFS:
            engine = [m.creator_id for m in matcher.match(brief["text"], k=20, preset=preset).results]
            assert ours[brief["brief_id"]] == engine, (preset, brief)


@pytest.mark.model
def test_a_simulated_marketer_s_known_weights_are_found_again(tmp_path: Path) -> None:
    from bench.tune_demo import ORACLE, simulate
    from index import SentenceTransformerEncoder, build_store
    from matcher.demo import generate_demo_catalog

    creators, posts = generate_demo_catalog(800, seed=11).write(tmp_path / "catalog")
    build_store(creators, posts, tmp_path / "store", SentenceTransformerEncoder())
    loaded = IndexStore(tmp_path / "store").load()
    figures = simulate(matcher_for(loaded, SentenceTransformerEncoder()))
    # the oracle's labels are its own first 10, so its nDCG@10 is 1 on every brief
    assert figures["held_out"]["oracle"] == pytest.approx(1.0)
    assert figures["held_out"]["learned"] >= 1.0 - 0.02
    assert figures["cross_validated"]["learned"] >= 1.0 - 0.02
    assert figures["held_out"]["learned"] > figures["held_out"]["balanced"]
    assert figures["held_out_p_learned_vs_balanced"] < 0.05
    learned = figures["learned_weights"]
    assert set(learned) <= set(ORACLE) | {"loyalty", "audience", "cost"}
    shutil.rmtree(tmp_path / "store")
