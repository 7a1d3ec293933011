"""Retrieve and re-rank: a query's candidate pool from the filtered vector search, each candidate's score
components, their weighted sum and the order best first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matcher.brand_fit import BrandFit, BrandFitSettings, brand_fit
from matcher.briefs import Filters
from matcher.mixes import parsed_mix
from matcher.niche import NicheScorer
from matcher.prepared import PreparedIndex
from matcher.protocols import VectorSearch
from matcher.query import Query, names_a_brand
from matcher.ranking import Combined, ComponentScores, combine, min_max
from matcher.settings import MatchSettings


@dataclass(frozen=True)
class Ranked:
    """A query's candidate pool, scored: index rows, every score part, the total, and the order best first.

    Arrays are by pool position; `order` lists positions best first; `columns` holds the pool's creator
    columns an explanation shows.
    """

    rows: NDArray[np.int64]
    niche_raw: NDArray[np.float64]
    components: dict[str, ComponentScores]
    combined: Combined
    total: NDArray[np.float64]
    order: NDArray[np.int64]
    brand_fit: BrandFit
    columns: dict[str, NDArray[Any]]


class Reranker:
    """Retrieves a query's candidates from one prepared version and re-ranks them by the weighted signals."""

    def __init__(self, prepared: PreparedIndex, search: VectorSearch, settings: MatchSettings, niche: NicheScorer,
                 brand_fit_settings: BrandFitSettings) -> None:
        self.prepared = prepared
        self.search = search
        self.settings = settings
        self.niche = niche
        self.brand_fit_settings = brand_fit_settings

    def brand_fit(self, creator_ids: NDArray[Any], brand: str) -> BrandFit:
        """Brand fit of the given creators with `brand` (`matcher.brand_fit`)."""
        prepared = self.prepared
        return brand_fit(np.asarray(creator_ids), brand, prepared.brands, prepared.brand_graph,
                         prepared.creator_brands, self.brand_fit_settings)

    def pool_size(self, query: Query) -> int:
        """How many creators to retrieve: a larger pool when brand fit can lift fans from further down."""
        with_brand = names_a_brand(query.filters) and query.weights.get("brand_fit", 0.0) > 0
        return max(self.settings.brand_pool if with_brand else self.settings.candidate_pool, query.limit)

    def rank(self, query: Query, pool: int | None = None) -> Ranked:
        """The candidate pool of `query` (`pool` creators, default `pool_size`), scored and ordered."""
        prepared = self.prepared
        rows, niche_raw = self.niche.candidates(query.vector, self.search, prepared.index.creator_vectors,
                                                prepared.index.unit_vectors, prepared.unit_start, prepared.unit_end,
                                                pool if pool is not None else self.pool_size(query), query.allowed)
        # the pool's columns as numpy, never a pandas row or sub-table: those cost milliseconds per query
        reader = prepared.creator_reader
        columns = {name: reader.take(name, rows) for name in reader.names}
        fit = self.brand_fit(columns["creator_id"], query.filters.brand or "")
        components = self.components(rows, niche_raw, fit, query.filters)
        combined = combine(components, query.weights)
        total = combined.total.copy()
        if self.settings.competitor_policy == "penalize":
            penalized = np.isin(columns["creator_id"], list(query.conflicts.keys()))
            total = np.where(penalized, total * (1.0 - self.settings.competitor_penalty), total)
        # ties (equal scores) keep the niche order, so results are deterministic
        order = np.lexsort((-niche_raw, -total))
        return Ranked(rows, niche_raw, components, combined, total, order, fit, columns)

    def components(self, rows: NDArray[np.int64], niche_raw: NDArray[np.float64], fit: BrandFit,
                   filters: Filters) -> dict[str, ComponentScores]:
        """Every score component of the pool: raw value, 0..1 score and confidence per creator."""
        n = len(rows)
        ones = np.ones(n)
        scores = {name: values[rows] for name, values in self.prepared.scores.items()}
        loyalty, loyalty_confidence = scores["loyalty_score"], scores["loyalty_confidence"]
        audience = np.full(n, np.nan)
        creators = self.prepared.index.creators
        if filters.countries and "audience_countries" in creators.columns:
            for i, stored in enumerate(creators["audience_countries"].iloc[rows]):
                shares = parsed_mix(stored)
                if isinstance(shares, Mapping) and shares:
                    audience[i] = min(1.0, sum(float(shares.get(c, 0.0) or 0.0) for c in filters.countries))
        return {
            "niche": ComponentScores(niche_raw, min_max(niche_raw), ones),
            "engagement": ComponentScores(scores["engagement_rate"], scores["engagement_score"],
                                          scores["engagement_confidence"]),
            "trust": ComponentScores(scores["trust_score"], scores["trust_score"], scores["trust_confidence"]),
            "loyalty": ComponentScores(loyalty, loyalty, loyalty_confidence),
            "audience": ComponentScores(audience, audience, np.where(np.isnan(audience), 0.0, 1.0)),
            "cost": ComponentScores(scores["cost_per_engagement"], scores["cost_score"], scores["cost_confidence"]),
            # without a brand in the brief the component is missing (neutral) and its weight is 0
            "brand_fit": ComponentScores(fit.score, fit.score if names_a_brand(filters) else np.full(n, np.nan),
                                         fit.confidence),
        }
