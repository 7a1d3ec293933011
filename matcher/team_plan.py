"""Plan a campaign for a brief: the query's ranked pool becomes candidates with value, price and audience,
and `matcher.campaign.choose_team` picks and explains the team within the total budget."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.briefs import Filters, ParsedBrief
from matcher.campaign import DEFAULT_ALTERNATES, PlanCandidate, TeamPlan, choose_team, ranked_baseline
from matcher.errors import BriefError
from matcher.explain import Explainer
from matcher.overlap import DEFAULT_SHARED, AudienceProfiles, audience_profiles, pairwise_overlap
from matcher.planning import GREEDY_GUARANTEE
from matcher.query import QueryBuilder
from matcher.rerank import Reranker
from matcher.taxonomy import niche_mix
from matcher.vector_rows import take_rows

# the softmax temperature of a creator's content niche mix in audience overlap (docs/planning.md); kept apart
# from the brief's steering temperature, which is chosen for retrieval
CONTENT_MIX_TEMPERATURE = 0.02


def plan_budget(parsed: ParsedBrief, budget: float | None, filters: Filters | None) -> float:
    """The campaign's total: `budget`, else the filters' `campaign_budget`, else the one in the brief; never a
    price-per-post cap."""
    if budget is not None and filters is not None and filters.campaign_budget not in (None, budget):
        raise BriefError(f"the total budget ({budget:g}) and the filters' campaign_budget "
                         f"({filters.campaign_budget:g}) differ; give one of them", field="budget")
    total = budget if budget is not None else parsed.filters.campaign_budget
    if total is None:
        raise BriefError("give the campaign's total budget (--budget) or write it in the brief"
                         + (" (a price per post is not a campaign budget)"
                            if parsed.filters.max_price_per_post is not None else ""), field="budget")
    if not math.isfinite(total) or total <= 0:
        raise BriefError(f"must be a positive number, got {total}", field="budget")
    return float(total)


def plan_team(builder: QueryBuilder, reranker: Reranker, explainer: Explainer, parsed: ParsedBrief, *,
              budget: float | None, size: int | None, preset: str | None, weights: Mapping[str, float] | None,
              filters: Filters | None, brief_id: str | None, alternates: int = DEFAULT_ALTERNATES,
              shared: float = DEFAULT_SHARED) -> TeamPlan:
    """The team worth most together for the read brief `parsed` within the total budget (`matcher.planning`).

    The team size falls back to the count in the brief ("3 creators"). Candidates are the match's pool
    (`candidate_pool`, ranked by `preset`).
    """
    total = plan_budget(parsed, budget, filters)
    max_size = size if size is not None else parsed.filters.k
    if max_size is not None and max_size < 1:
        raise BriefError(f"must be at least 1, got {max_size}", field="size")
    # a creator whose known price is above the whole budget can be in no team
    parsed = replace(parsed, filters=replace(parsed.filters, campaign_budget=total))
    active = parsed.filters
    settings, prepared = reranker.settings, reranker.prepared
    query = builder.for_brief(parsed, limit=settings.candidate_pool, preset=preset, weights=weights,
                              brief_id=brief_id, encode_always=True)
    ranked = reranker.rank(query)
    table = prepared.index.creators.iloc[ranked.rows]
    expected = table["expected_engagements"].to_numpy(dtype=float)
    prices = prepared.prices
    price = prices.price[ranked.rows]
    # a price per post above the cap, known or estimated, leaves the creator out of any team
    over_cap = (price > active.max_price_per_post) if active.max_price_per_post is not None else np.zeros(
        len(price), dtype=bool)
    keep = np.flatnonzero(~np.isnan(expected) & ~over_cap)
    table_ids = table["creator_id"].to_numpy()
    capped = over_cap & ~np.isnan(expected)
    skipped = tuple((str(creator_id), "no recent posts: expected engagements unknown")
                    for creator_id in table_ids[np.isnan(expected)]) + tuple(
        (str(creator_id), f"price {value:,.2f} is above the {active.max_price_per_post:,.2f} per-post cap")
        for creator_id, value in zip(table_ids[capped], price[capped], strict=True))
    kept = table.iloc[keep]
    profiles = _audiences(prepared.index.creator_vectors, prepared.prototypes, kept, ranked.rows[keep], shared)
    fit, trust = ranked.combined.normalized["niche"], ranked.combined.normalized["trust"]
    candidates = [PlanCandidate(
        fit=float(fit[p]), trust=float(trust[p]), expected_engagements=float(expected[p]),
        price=float(prices.price[row]), price_estimated=bool(prices.estimated[row]),
        price_basis=str(prices.basis[row]), audience_basis=basis)
        for p, row, basis in zip(keep, ranked.rows[keep], profiles.basis, strict=True)]
    overlap = pairwise_overlap(profiles.matrix)
    index_of = {int(p): i for i, p in enumerate(keep)}
    ranking = [index_of[int(p)] for p in ranked.order if int(p) in index_of]
    ids = kept["creator_id"].astype(str).tolist()
    strategy, team, matrix, left_out = choose_team(
        candidates, profiles.matrix, overlap, ranking, kept["handle"].astype(str).tolist(), total,
        max_size, lambda i: explainer.explain(query, ranked, int(keep[i])), alternates)
    baseline = ranked_baseline(candidates, profiles.matrix, overlap, ranking, ids, total, max_size)
    guarantee = GREEDY_GUARANTEE if max_size is None else None  # proven for the budget alone
    return TeamPlan(brief_id, parsed, active, query.preset, prepared.index.version, query.eligible, len(keep), total,
                    max_size, strategy, guarantee, team, matrix, left_out, skipped, baseline, query.niches)


def _audiences(creator_vectors: NDArray[np.float32], prototypes: NDArray[np.float32], creators: pd.DataFrame,
               rows: NDArray[np.int64], shared: float) -> AudienceProfiles:
    """Audience profiles of candidates: catalog shares, country, platform and content niche mix."""
    mix = (np.vstack([niche_mix(v, prototypes, CONTENT_MIX_TEMPERATURE) for v in take_rows(creator_vectors, rows)])
           if len(rows) else np.zeros((0, 1)))
    return audience_profiles(
        creators["platform"].tolist(), mix, [c if isinstance(c, str) and c else None for c in creators["country"]],
        _column(creators, "audience_countries"), _column(creators, "audience_age"),
        _column(creators, "audience_gender"), shared)


def _column(table: pd.DataFrame, name: str) -> list[object]:
    """A column's values, or None for each row when the catalog has no such column."""
    return table[name].tolist() if name in table.columns else [None] * len(table)
