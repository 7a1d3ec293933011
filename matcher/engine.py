"""The matching engine: one `Matcher` per served index version, answering match, similar, plan and brand lookups.

A request becomes one `Query` (`matcher.query`), whose candidates are retrieved and re-ranked
(`matcher.rerank`) and explained (`matcher.explain`); `plan` hands the same query's ranking to the campaign
planner (`matcher.team_plan`). Everything per version is prepared once when the matcher is made
(`matcher.prepared`). docs/architecture.md draws the path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matcher.brand_fit import BrandFit, BrandFitSettings
from matcher.brand_graph import BrandGraph
from matcher.brand_report import brand_report, suggested_competitors, with_competitor_suggestion
from matcher.briefs import Filters, ParsedBrief, parse_brief, warm_brief_reader, with_filters
from matcher.campaign import DEFAULT_ALTERNATES, TeamPlan
from matcher.cost import PriceEstimate
from matcher.explain import Explainer
from matcher.filtering import FilterEffect
from matcher.loyalty import CompetitorConflict
from matcher.niche import NicheScorer
from matcher.overlap import DEFAULT_SHARED
from matcher.prepared import CreatorIndex, PreparedIndex, prepare_index
from matcher.profile import CreatorProfile, creator_profile
from matcher.protocols import Encoder, VectorSearch
from matcher.query import Niches, Query, QueryBuilder, check_limit
from matcher.relevance_feedback import RelevanceFeedback
from matcher.rerank import Ranked, Reranker
from matcher.results import DEFAULT_K, BrandReport, Match, MatchResponse
from matcher.settings import MatchSettings
from matcher.team_plan import plan_team


class Matcher:
    """Answers briefs against one index version; its tables are built when it is made, and it is safe to share
    across threads.

    Parameters
    ----------
    index, encoder, search
        The version's data, the query encoder of the model it was built with, and its vector search.
    settings, niche, brand_fit_settings
        Ranking settings, how niche similarity is computed, how brand fit is scored.
    """

    def __init__(self, index: CreatorIndex, encoder: Encoder, search: VectorSearch,
                 settings: MatchSettings | None = None, niche: NicheScorer | None = None,
                 brand_fit_settings: BrandFitSettings | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.search = search
        self.settings = settings or MatchSettings()
        self.niche = niche or NicheScorer()
        self.prepared: PreparedIndex = prepare_index(index, encoder, self.settings, self.niche)
        self.queries = QueryBuilder(self.prepared, encoder, self.settings, self.niche)
        self.reranker = Reranker(self.prepared, search, self.settings, self.niche,
                                 brand_fit_settings or BrandFitSettings())
        self.explainer = Explainer(self.prepared, self.settings)

    @property
    def version(self) -> str:
        """The index version this matcher answers from."""
        return self.index.version

    @property
    def brand_graph(self) -> BrandGraph:
        """The version's brand graph."""
        return self.prepared.brand_graph

    def prepare(self) -> None:
        """Load the brief reader's tables now (spaCy's tokenizer and the place tables, about 1 s once per process)."""
        warm_brief_reader()

    def niche_prototypes(self) -> NDArray[np.float32]:
        """Vectors of the steering taxonomy's descriptions."""
        return self.prepared.prototypes

    def prices(self) -> PriceEstimate:
        """Every creator's price per post: known, or estimated by platform, tier and engagement."""
        return self.prepared.prices

    def eligible(self, filters: Filters) -> tuple[NDArray[np.bool_], dict[str, CompetitorConflict]]:
        """Which creators pass the hard filters (competitors excluded when that is the policy)."""
        return self.queries.eligible(filters)

    def filter_effects(self, filters: Filters,
                       conflicts: Mapping[str, CompetitorConflict] | None = None) -> tuple[FilterEffect, ...]:
        """What each set filter does on its own (creators removed, how many for an unknown value)."""
        return self.queries.filter_effects(filters, conflicts)

    def brief_query(self, parsed: ParsedBrief) -> tuple[NDArray[np.float32], Niches]:
        """The brief's query vector (steered when the taxonomy names its niche clearly) and the niches read."""
        return self.queries.brief_vector(parsed)

    def profile(self, creator_id: str) -> CreatorProfile:
        """The creator's profile, signals, flags and posts; raises UnknownCreator when it is not in this index."""
        row = int(self.prepared.filter_columns.creator_ids.rows([creator_id])[0])
        return creator_profile(self.index, creator_id, row)

    def has_creator(self, creator_id: str) -> bool:
        """Whether `creator_id` is in this index (an exact match: 'c1\\x00' is not 'c1')."""
        return str(creator_id) in self.prepared.filter_columns.creator_ids

    def brand_fit(self, creator_ids: NDArray[Any] | Sequence[str], brand: str) -> BrandFit:
        """Brand fit of the given creators with `brand` (`matcher.brand_fit`)."""
        return self.reranker.brand_fit(np.asarray(creator_ids), brand)

    def suggested_competitors(self, brand: str, exclude: Sequence[str] = ()) -> list[tuple[str, float]]:
        """Brands most like `brand` in its niche (`matcher.brand_graph.suggest_competitors`)."""
        return suggested_competitors(self.prepared, brand, exclude)

    def brand_report(self, name: str, k: int = 20) -> BrandReport:
        """What the catalog knows of a brand: its creators (paid and organic), similar brands, likely competitors."""
        return brand_report(self.prepared, self.reranker.brand_fit, name, k)

    def query(self, brief: str, *, k: int | None = None, preset: str | None = None,
              weights: Mapping[str, float] | None = None, filters: Filters | None = None,
              brief_id: str | None = None, feedback: RelevanceFeedback | None = None) -> Query:
        """The query of a brief: read, its explicit filters applied, the brand's likely competitors suggested,
        moved by the marketer's feedback when there is some."""
        parsed = with_competitor_suggestion(self.prepared, with_filters(parse_brief(brief), filters))
        limit = check_limit(k or parsed.filters.k or DEFAULT_K)
        query = self.queries.for_brief(parsed, limit=limit, preset=preset, weights=weights, brief_id=brief_id)
        return self.queries.with_feedback(query, feedback)

    def rank(self, query: Query, pool: int | None = None) -> Ranked:
        """The query's candidate pool, scored and ordered best first (`matcher.rerank`)."""
        return self.reranker.rank(query, pool)

    def answer(self, query: Query, diversity: float | None = None) -> MatchResponse:
        """The ranked, explained shortlist of a query (with where feedback moved each result from)."""
        if query.eligible == 0:
            results: tuple[Match, ...] = ()
        else:
            ranked = self.rank(query)
            before = None
            if query.unmoved is not None:  # the same pool ranked without the feedback's move
                unmoved = self.rank(replace(query, vector=query.unmoved))
                before = {str(unmoved.columns["creator_id"][p]): i for i, p in enumerate(unmoved.order)}
            results = self.explainer.shortlist(query, ranked, diversity, before)
        return MatchResponse(query.brief_id, query.brief, query.filters, query.preset, query.weights, self.version,
                             query.eligible, results, query.niches, requested=query.limit,
                             filter_effects=query.effects)

    def match(self, brief: str, *, k: int | None = None, preset: str | None = None,
              weights: Mapping[str, float] | None = None, filters: Filters | None = None,
              brief_id: str | None = None, diversity: float | None = None,
              feedback: RelevanceFeedback | None = None) -> MatchResponse:
        """Rank the creators that fit `brief` under the filters, best first, each one explained.

        `diversity` is the lambda of maximal marginal relevance (`matcher.diversity.mmr_order`):
        1 keeps the plain ranking, lower values push near-duplicate creators down the list. `feedback`
        moves the query toward the creators marked relevant and away from (and drops) those marked not.
        """
        return self.answer(self.query(brief, k=k, preset=preset, weights=weights, filters=filters,
                                      brief_id=brief_id, feedback=feedback), diversity)

    def similar(self, creator_ids: Sequence[str], *, k: int | None = None, preset: str | None = None,
                weights: Mapping[str, float] | None = None, filters: Filters | None = None,
                diversity: float | None = None) -> MatchResponse:
        """Creators like the seed creators, ranked and explained as a match; the seeds are left out.

        The query is the normalized mean of the seeds' content vectors; signals, filters and
        explanations are those of `match`.
        """
        active = filters or Filters()
        query = self.queries.for_seeds(creator_ids, filters=active, limit=check_limit(k or active.k or DEFAULT_K),
                                       preset=preset, weights=weights)
        return self.answer(query, diversity)

    def plan(self, brief: str, *, budget: float | None = None, size: int | None = None, preset: str | None = None,
             weights: Mapping[str, float] | None = None, filters: Filters | None = None,
             brief_id: str | None = None, alternates: int = DEFAULT_ALTERNATES,
             shared: float = DEFAULT_SHARED) -> TeamPlan:
        """The team worth most together for `brief` within a total `budget` (`matcher.team_plan.plan_team`).

        The campaign's total is `budget`, else the filters' `campaign_budget`, else the one written in the
        brief ("budget $2,000"); a price-per-post cap is never taken for the total.
        """
        return plan_team(self.queries, self.reranker, self.explainer, with_filters(parse_brief(brief), filters),
                         budget=budget, size=size, preset=preset, weights=weights, filters=filters,
                         brief_id=brief_id, alternates=alternates, shared=shared)
