"""Campaign plans through the Matcher: a tiny hand-built catalog and the synthetic demo catalog."""

from __future__ import annotations

import pandas as pd
import pytest

from index import index_catalog
from matcher import BriefError, Catalog, Filters, Matcher, MatchSettings, NicheScorer, load_catalog
from matcher.catalog import validate_creators, validate_posts
from tests.helpers import HashingEncoder


def tiny_matcher() -> Matcher:
    # twin_a and twin_b: same platform, country, captions and audience shares; tok reaches TikTok people
    creators = pd.DataFrame({
        "creator_id": ["twin_a", "twin_b", "tok", "pricey"],
        "handle": ["twin.a", "twin.b", "tok.dog", "pricey.dog"],
        "platform": ["instagram", "instagram", "tiktok", "youtube"],
        "followers": [10_000, 10_000, 10_000, 900_000],
        "following": [100, 100, 100, 100],
        "country": ["DE", "DE", "DE", "DE"],
        "price_per_post": [100.0, 100.0, 100.0, 250.0],
        "audience_countries": ['{"DE": 0.8, "AT": 0.2}', '{"DE": 0.8, "AT": 0.2}', "", ""],
    })
    posts = pd.DataFrame({
        "creator_id": ["twin_a", "twin_b", "tok", "pricey"],
        "post_id": ["1", "1", "1", "1"],
        "posted_at": ["2024-01-01"] * 4,
        "caption": ["dog walk", "dog walk", "dog walk", "dog walk"],
        "likes": [500, 500, 400, 9_000],
        "comments": [0, 0, 0, 0],
    })
    rejects: list[dict[str, object]] = []
    valid_creators = validate_creators(creators, "c", rejects)
    valid_posts = validate_posts(posts, "p", valid_creators["creator_id"], rejects)
    assert not rejects
    encoder = HashingEncoder(dimension=1024)
    settings = MatchSettings(min_group_size=1)
    index, search, _ = index_catalog(Catalog(valid_creators, valid_posts, pd.DataFrame()), encoder, settings, "v1")
    return Matcher(index, encoder, search, settings, NicheScorer(feedback_depth=0, taxonomy_weight=0))


def test_of_two_identical_audience_creators_the_plan_picks_one() -> None:
    # shared=1: the twins' audiences are the same people; the budget (300) pays for all three cheap ones
    plan = tiny_matcher().plan("dog walk", budget=300, shared=1.0,
                               filters=Filters(platforms=("instagram", "tiktok")))
    chosen = {m.match.creator_id for m in plan.team}
    assert len(chosen & {"twin_a", "twin_b"}) == 1 and "tok" in chosen
    assert plan.total_cost <= 300
    twin = next(a for a in plan.alternates if a.match.creator_id in {"twin_a", "twin_b"})
    assert twin.gain == pytest.approx(0.0) and "overlaps 100%" in twin.reason
    assert plan.overlap[0][0] == pytest.approx(1.0) and plan.overlap[0][1] == pytest.approx(0.0)


def test_member_numbers_add_up_and_the_rest_is_left_out_for_the_budget() -> None:
    # all fit "dog walk" equally; pricey brings 9,000 engagements for 250, the others 400-500 for 100
    plan = tiny_matcher().plan("dog walk", budget=300, preset="relevance")
    assert [m.match.creator_id for m in plan.team] == ["pricey"]
    member = plan.team[0]
    assert member.candidate.cost_per_engagement == pytest.approx(250 / 9_000)
    assert member.reasons and not member.candidate.price_estimated
    assert plan.total_cost == pytest.approx(250.0) and plan.total_expected_engagements == pytest.approx(9_000.0)
    assert {a.match.creator_id for a in plan.alternates} == {"twin_a", "twin_b", "tok"}
    assert all(a.reason == "costs 100.00, more than the 50.00 left of the budget" for a in plan.alternates)
    # the known price above the whole budget is a hard filter, as in match
    assert "pricey" not in {m.match.creator_id for m in tiny_matcher().plan("dog walk", budget=200).team}


def test_size_and_budget_come_from_the_brief_and_bad_ones_are_named() -> None:
    matcher = tiny_matcher()
    # without the size cap two of the 100-priced creators would fit the 200
    plan = matcher.plan("dog walk, 1 creator, budget $200")
    assert plan.budget == 200 and plan.max_size == 1 and len(plan.team) == 1
    assert plan.total_cost == pytest.approx(100.0)
    assert plan.guarantee is None  # no bound is claimed under a size cap
    with pytest.raises(BriefError, match="budget"):
        matcher.plan("dog walk")
    with pytest.raises(BriefError, match="budget"):
        matcher.plan("dog walk", budget=-5)
    with pytest.raises(BriefError, match="size"):
        matcher.plan("dog walk", budget=100, size=0)
    # two different totals: neither is guessed
    with pytest.raises(BriefError, match="budget: the total budget .200. and the filters' campaign_budget .300."):
        matcher.plan("dog walk", budget=200, filters=Filters(campaign_budget=300.0))
    assert matcher.plan("dog walk", budget=200, filters=Filters(campaign_budget=200.0)).budget == 200


def test_similar_leaves_the_seeds_out_and_names_unknown_ids() -> None:
    matcher = tiny_matcher()
    response = matcher.similar(["twin_a"], k=3, preset="relevance")
    ids = [m.creator_id for m in response.results]
    assert "twin_a" not in ids and len(ids) == 3
    assert matcher.similar(["twin_a"], filters=Filters(platforms=("tiktok",))).results[0].creator_id == "tok"
    with pytest.raises(BriefError, match="unknown 'nobody'"):
        matcher.similar(["twin_a", "nobody"])


@pytest.fixture(scope="module")
def demo_matcher(small_demo) -> Matcher:
    _, creators, posts = small_demo
    encoder = HashingEncoder(dimension=512)
    settings = MatchSettings()
    index, search, _ = index_catalog(load_catalog(creators, posts), encoder, settings, "demo")
    return Matcher(index, encoder, search, settings)


PLAN_BRIEFS = ["gym workout and training, leg day", "makeup tutorial, lipstick and skincare routine",
               "dog and puppy, rescue dog walks", "travel trips, wanderlust and vacation abroad"]


@pytest.mark.parametrize("brief", PLAN_BRIEFS)
def test_plan_beats_the_top_ranked_list_of_the_same_budget_on_the_demo_catalog(demo_matcher: Matcher,
                                                                               brief: str) -> None:
    plan = demo_matcher.plan(brief, budget=5_000)
    baseline = plan.baseline
    assert plan.total_cost <= 5_000 and baseline.cost <= 5_000
    assert baseline.cost >= 0.98 * 5_000  # the ranked list spends the budget too
    assert plan.total_expected_engagements > baseline.expected_engagements
    assert plan.team_value >= baseline.value  # the objective itself


def test_plans_overlap_less_than_ranked_lists_on_average(demo_matcher: Matcher) -> None:
    # the plan trades overlap against value, it does not minimize it: lower on average, not in every brief
    # (docs/planning.md: lower in 19 of 24 briefs on the real model)
    plans = [demo_matcher.plan(brief, budget=5_000) for brief in PLAN_BRIEFS]
    planned = [p.mean_pairwise_overlap for p in plans]
    ranked = [p.baseline.mean_pairwise_overlap for p in plans]
    assert None not in planned and None not in ranked
    assert sum(planned) < sum(ranked)  # type: ignore[arg-type]


def test_similar_finds_creators_of_the_seeds_niche_on_the_demo_catalog(small_demo, demo_matcher: Matcher) -> None:
    demo, _, _ = small_demo
    niche = dict(zip(demo.niches["creator_id"], demo.niches["niche"], strict=True))
    seeds = [c for c in demo.niches["creator_id"] if niche[c] == "pets"][:2]
    response = demo_matcher.similar(seeds, k=10, preset="relevance")
    assert not set(seeds) & {m.creator_id for m in response.results}
    assert sum(niche[m.creator_id] == "pets" for m in response.results) >= 8


def test_mmr_spreads_a_shortlist_and_lambda_one_keeps_the_ranking(demo_matcher: Matcher) -> None:
    plain = demo_matcher.match("dog and puppy", k=10)
    same = demo_matcher.match("dog and puppy", k=10, diversity=1.0)
    assert [m.creator_id for m in same.results] == [m.creator_id for m in plain.results]
    vectors = demo_matcher.index.creator_vectors
    row = {c: i for i, c in enumerate(demo_matcher.index.creators["creator_id"])}

    def mean_similarity(response) -> float:
        rows = [row[m.creator_id] for m in response.results]
        sims = vectors[rows] @ vectors[rows].T
        return float((sims.sum() - len(rows)) / (len(rows) * (len(rows) - 1)))

    diverse = demo_matcher.match("dog and puppy", k=10, diversity=0.5)
    assert mean_similarity(diverse) < mean_similarity(plain)
    assert diverse.results[0].creator_id == plain.results[0].creator_id  # the first pick is the most relevant


def test_no_eligible_creator_gives_an_empty_plan() -> None:
    plan = tiny_matcher().plan("dog walk", budget=300, filters=Filters(countries=("FR",)))
    assert plan.team == () and plan.eligible_creators == 0 and plan.total_cost == 0.0
    assert plan.mean_pairwise_overlap is None and plan.baseline.creator_ids == ()
