"""The matching pipeline: brief -> filters -> filtered vector search -> re-rank -> explanation."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brand_fit import BrandFit, BrandFitSettings, CreatorBrands, brand_fit
from matcher.brand_graph import BrandGraph, brand_niches, build_brand_graph, own_account, suggest_competitors
from matcher.briefs import Filters, ParsedBrief, Reading, parse_brief, with_filters
from matcher.campaign import DEFAULT_ALTERNATES, PlanCandidate, TeamPlan, choose_team, ranked_baseline
from matcher.columns import RowReader
from matcher.cost import PriceEstimate, estimate_prices
from matcher.diversity import mmr_order
from matcher.errors import BriefError
from matcher.filtering import FilterColumns, FilterEffect
from matcher.inferred import INFERRED_FIELDS, KnownValue, known_value
from matcher.loyalty import BrandEvents, CompetitorConflict, competitor_conflicts, normalize_brand
from matcher.niche import NicheScorer
from matcher.overlap import DEFAULT_SHARED, AudienceProfiles, audience_profiles, pairwise_overlap
from matcher.planning import GREEDY_GUARANTEE
from matcher.protocols import Encoder, VectorSearch
from matcher.ranking import Combined, ComponentScores, combine, min_max, resolve_weights
from matcher.safety import SensitiveTopic, sensitive_topics
from matcher.settings import COMPONENTS, MatchSettings
from matcher.taxonomy import (
    Taxonomy,
    brief_sentences,
    iab_content_taxonomy,
    niche_mix,
    pool_sentences,
    steer_query,
    taxonomy,
)

DEFAULT_K = 10


@dataclass(frozen=True)
class CreatorIndex:
    """Everything a served index version holds: creators with signals, vectors, texts, brand events.

    `units` has one row per embedded text (creator_row, source, post_id, shown) aligned with
    `unit_vectors`, sorted by creator_row; `creator_vectors` has one row per creator.
    """

    version: str
    creators: pd.DataFrame
    creator_vectors: NDArray[np.float32]
    units: pd.DataFrame
    unit_vectors: NDArray[np.float32]
    brand_events: pd.DataFrame
    brand_graph: BrandGraph | None = None

    def unit_ranges(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Start and end row in `units` of each creator's texts."""
        rows = self.units["creator_row"].to_numpy(dtype=np.int64)
        creators = np.arange(len(self.creators))
        return np.searchsorted(rows, creators, side="left"), np.searchsorted(rows, creators, side="right")


@dataclass(frozen=True)
class BrandCreator:
    """A creator who tagged a brand: paid and unpaid posts, the latest date, and the direct brand fit."""

    creator_id: str
    handle: str
    paid_posts: int
    organic_posts: int
    latest: str | None
    direct_fit: float


@dataclass(frozen=True)
class BrandReport:
    """What the catalog knows of one brand (`Matcher.brand_report`)."""

    brand: str
    known: bool
    creators_mentioning: int
    paid_creators: int
    top_creators: tuple[BrandCreator, ...]
    similar: tuple[tuple[str, float], ...]
    suggested_competitors: tuple[tuple[str, float], ...]
    niche: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"brand": self.brand, "known": self.known, "creators_mentioning": self.creators_mentioning,
                "paid_creators": self.paid_creators, "niche": self.niche,
                "top_creators": [{"creator_id": c.creator_id, "handle": c.handle, "paid_posts": c.paid_posts,
                                  "organic_posts": c.organic_posts, "latest": c.latest,
                                  "direct_fit": round(c.direct_fit, 4)} for c in self.top_creators],
                "similar": [{"brand": b, "similarity": s} for b, s in self.similar],
                "suggested_competitors": [{"brand": b, "similarity": s} for b, s in self.suggested_competitors]}


@dataclass(frozen=True)
class Evidence:
    """A bio or caption of the creator that matched the brief, with its cosine similarity."""

    source: str
    post_id: str
    text: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the fields in order)."""
        return {"source": self.source, "post_id": self.post_id, "text": self.text,
                "similarity": _json_scalar(self.similarity)}


@dataclass(frozen=True)
class Component:
    """One term of a match's score: raw value, 0..1 score, confidence, normalized, weight, contribution."""

    name: str
    raw: float | None
    score: float | None
    confidence: float
    normalized: float
    weight: float
    contribution: float
    missing: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the fields in order; a non-finite number becomes null)."""
        return {"name": self.name, "raw": _json_scalar(self.raw), "score": _json_scalar(self.score),
                "confidence": _json_scalar(self.confidence), "normalized": _json_scalar(self.normalized),
                "weight": _json_scalar(self.weight), "contribution": _json_scalar(self.contribution),
                "missing": _json_scalar(self.missing)}


@dataclass(frozen=True)
class Match:
    """One ranked creator with its score broken down, its flags and the lines that matched."""

    creator_id: str
    handle: str
    platform: str
    followers: int
    tier: str
    score: float
    components: tuple[Component, ...]
    flags: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    language: KnownValue | None = None
    country: KnownValue | None = None
    niche_tags: tuple[str, ...] = ()
    sensitive: tuple[SensitiveTopic, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, as `dataclasses.asdict` gives it with non-finite numbers as null.

        Written out field by field: `asdict` deep-copies every value and cost 1.7 ms of a /match response.
        """
        return {"creator_id": self.creator_id, "handle": self.handle, "platform": self.platform,
                "followers": _json_scalar(self.followers), "tier": self.tier, "score": _json_scalar(self.score),
                "components": [component.to_dict() for component in self.components],
                "flags": list(self.flags), "evidence": [line.to_dict() for line in self.evidence],
                "language": self.language.to_dict() if self.language is not None else None,
                "country": self.country.to_dict() if self.country is not None else None,
                "niche_tags": list(self.niche_tags), "sensitive": [topic.to_dict() for topic in self.sensitive]}


@dataclass(frozen=True)
class MatchResponse:
    """A brief's answer: what was parsed, the filters applied, the weights and the ranked matches."""

    brief_id: str | None
    brief: ParsedBrief
    filters: Filters
    preset: str
    weights: dict[str, float]
    index_version: str
    eligible_creators: int
    results: tuple[Match, ...]
    niches: tuple[tuple[str, float], ...] = ()
    requested: int = DEFAULT_K
    filter_effects: tuple[FilterEffect, ...] = ()

    @property
    def shortfall(self) -> str | None:
        """Why fewer creators than asked came back, filter by filter; None when the list is full."""
        if len(self.results) >= self.requested:
            return None
        return shortfall_message(len(self.results), self.requested, self.eligible_creators, self.filter_effects)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the contract of `creatormatch match --json`."""
        return {
            "brief_id": self.brief_id,
            "brief": self.brief.text,
            "query_text": self.brief.query_text,
            "parsed": self.brief.filters.as_dict(),
            "parsed_phrases": [reading.to_dict() for reading in self.brief.applied],
            "suggestions": [reading.to_dict() for reading in self.brief.suggestions],
            "filters": self.filters.as_dict(),
            "niches": [{"niche": name, "weight": round(weight, 3)} for name, weight in self.niches],
            "read_into_niche": bool(self.niches),
            "preset": self.preset,
            "weights": self.weights,
            "index_version": self.index_version,
            "eligible_creators": self.eligible_creators,
            "requested": self.requested,
            "filter_effects": [effect.to_dict() for effect in self.filter_effects],
            "shortfall": self.shortfall,
            "results": [m.to_dict() for m in self.results],
        }


def shortfall_message(found: int, requested: int, eligible: int, effects: Sequence[FilterEffect]) -> str:
    """'3 of 10 asked: 3 creators pass the filters. countries DE removes ...; tiers micro removes ...'."""
    head = (f"{found} of {requested} asked: {eligible:,} creator{'s' if eligible != 1 else ''} pass the filters"
            if effects else f"{found} of {requested} asked: the catalog has no more creators to rank")
    biggest = sorted(effects, key=lambda effect: -effect.removes)
    return head + ("." if not biggest else ". " + "; ".join(effect.describe() for effect in biggest) + ".")


def _json_scalar(value: Any) -> Any:
    """A plain Python scalar for JSON: numpy scalars unwrapped, NaN and infinities as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _finite(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


class Ranked(NamedTuple):
    """A query's candidate pool with every score part, and its order best first (positions)."""

    rows: NDArray[np.int64]
    components: dict[str, ComponentScores]
    combined: Combined
    total: NDArray[np.float64]
    order: NDArray[np.int64]
    query: NDArray[np.float32]
    conflicts: Mapping[str, Any]
    brand_fit: BrandFit
    filters: Filters
    weights: dict[str, float]
    columns: dict[str, NDArray[Any]]  # the pool's creator columns an explanation shows, by position


# the softmax temperature of a creator's content niche mix in audience overlap (docs/planning.md); kept apart
# from the brief's steering temperature, which is chosen for retrieval
CONTENT_MIX_TEMPERATURE = 0.02


class Matcher:
    """Answers briefs against one loaded index version; cheap to build, safe to share across threads."""

    def __init__(self, index: CreatorIndex, encoder: Encoder, search: VectorSearch,
                 settings: MatchSettings | None = None, niche: NicheScorer | None = None,
                 brand_fit_settings: BrandFitSettings | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.search = search
        self.settings = settings or MatchSettings()
        self.niche = niche or NicheScorer()
        self.brand_fit_settings = brand_fit_settings or BrandFitSettings()
        self._unit_start, self._unit_end = index.unit_ranges()

    def niche_prototypes(self) -> NDArray[np.float32]:
        """Vectors of the steering taxonomy's descriptions, embedded once per matcher."""
        return self._prototypes

    @cached_property
    def _taxonomy(self) -> Taxonomy:
        return taxonomy(self.niche.taxonomy)

    @cached_property
    def _prototypes(self) -> NDArray[np.float32]:
        return self.encoder.encode(list(self._taxonomy.descriptions))

    @cached_property
    def _gate_prototypes(self) -> NDArray[np.float32]:
        """The IAB Content Taxonomy's vectors: what the steering gate compares the steering list with."""
        reference = iab_content_taxonomy()
        if self._taxonomy.name == reference.name:
            return self._prototypes
        return self.encoder.encode(list(reference.descriptions))

    @property
    def version(self) -> str:
        """The index version this matcher answers from."""
        return self.index.version

    def eligible(self, filters: Filters) -> tuple[NDArray[np.bool_], dict[str, CompetitorConflict]]:
        """Which creators pass the hard filters (competitors excluded when that is the policy)."""
        conflicts = competitor_conflicts(self._brands, list(filters.competitors))
        return self._filter_columns.mask(filters, self.settings.tiers, self._excluded(conflicts)), conflicts

    def _excluded(self, conflicts: Mapping[str, CompetitorConflict]) -> Sequence[str]:
        return list(conflicts.keys()) if self.settings.competitor_policy == "exclude" else []

    def filter_effects(self, filters: Filters,
                       conflicts: Mapping[str, CompetitorConflict] | None = None) -> tuple[FilterEffect, ...]:
        """What each set filter does on its own (creators removed, how many for an unknown value)."""
        if conflicts is None:
            conflicts = competitor_conflicts(self._brands, list(filters.competitors))
        return self._filter_columns.effects(filters, self.settings.tiers, self._excluded(conflicts))

    def prepare(self) -> None:
        """Build now what queries look up (taxonomy vectors, coded columns, the brief reader's tables)."""
        parse_brief("warm-up")  # loads spaCy's tokenizer and the place tables once per process (about 3 s)
        self.niche_prototypes()
        if math.isfinite(self.niche.steering_margin):
            _ = self._gate_prototypes
        _ = (self._brands, self._filter_columns, self._scores, self._creator_reader, self._unit_reader,
             self._creator_brands, self._brand_niches)

    @cached_property
    def _brands(self) -> BrandEvents:
        """The index's brand events with their brands coded."""
        return BrandEvents.of(self.index.brand_events)

    @cached_property
    def brand_graph(self) -> BrandGraph:
        """The index's brand graph (built with the index; built here, importing scikit-learn, for a version
        written before the graph existed)."""
        return self.index.brand_graph if self.index.brand_graph is not None else build_brand_graph(
            self.index.brand_events)

    @cached_property
    def _creator_brands(self) -> CreatorBrands:
        return CreatorBrands.of(self.index.brand_events, self.brand_graph)

    @cached_property
    def _brand_niches(self) -> dict[str, str]:
        tags = self.index.creators["niche_tags"] if "niche_tags" in self.index.creators.columns else None
        first = {} if tags is None else {str(cid): str(t[0]) for cid, t in zip(
            self.index.creators["creator_id"], tags, strict=True) if isinstance(t, tuple | list) and len(t)}
        return brand_niches(self.index.brand_events, self.brand_graph, first)

    def suggested_competitors(self, brand: str, exclude: Sequence[str] = ()) -> list[tuple[str, float]]:
        """Brands most like `brand` in its niche (`matcher.brand_graph.suggest_competitors`)."""
        return suggest_competitors(self.brand_graph, brand, self._brand_niches, exclude=tuple(exclude))

    def _suggest_competitors(self, parsed: ParsedBrief) -> ParsedBrief:
        """The brief with the brand's likely competitors offered as a suggestion (applied only when chosen)."""
        brand = parsed.filters.brand
        if not brand:
            return parsed
        found = self.suggested_competitors(brand, exclude=parsed.filters.competitors)
        if not found:
            return parsed
        said = next((r for r in parsed.readings if r.field == "brand"), None)
        phrase, start, end = (said.phrase, said.start, said.end) if said is not None else (brand, -1, -1)
        suggestion = Reading("competitors", tuple(name for name, _ in found), phrase, start, end, applied=False,
                             note=f"brands that share creators with {brand} in its niche")
        return replace(parsed, readings=(*parsed.readings, suggestion))

    def brand_report(self, name: str, k: int = 20) -> BrandReport:
        """What the catalog knows of a brand: its creators (paid and organic), similar brands, likely competitors."""
        key = normalize_brand(name)
        if not key:
            raise BriefError("brand: give a brand name or handle")
        creators = self.index.creators
        fit = self.brand_fit(creators["creator_id"].to_numpy(), key)
        mentioned = np.flatnonzero((fit.paid_posts + fit.organic_posts) > 0)
        order = mentioned[np.lexsort((-fit.organic_posts[mentioned], -fit.paid_posts[mentioned],
                                      -fit.direct[mentioned]))][:k]
        handles = creators["handle"].to_numpy()
        ids = creators["creator_id"].to_numpy()
        row = self.brand_graph.find(key)
        return BrandReport(
            brand=key, known=row is not None or len(mentioned) > 0,
            creators_mentioning=len(mentioned),
            paid_creators=int((fit.paid_posts > 0).sum()),
            top_creators=tuple(BrandCreator(str(ids[i]), str(handles[i]), int(fit.paid_posts[i]),
                                            int(fit.organic_posts[i]),
                                            _day(fit.latest(int(i))), float(fit.direct[i])) for i in order),
            # the brand's own accounts ('zaraeurope') are not other brands
            similar=tuple((other, round(similarity, 3)) for other, similarity in self.brand_graph.similar(key, 30)
                          if not own_account(other, key))[:10],
            suggested_competitors=tuple((other, round(similarity, 3))
                                        for other, similarity in self.suggested_competitors(key)),
            niche=self._brand_niches.get(key))

    def brand_fit(self, creator_ids: NDArray[Any] | Sequence[str], brand: str) -> BrandFit:
        """Brand fit of the given creators with `brand` (`matcher.brand_fit`)."""
        return brand_fit(np.asarray(creator_ids), brand, self._brands, self.brand_graph, self._creator_brands,
                         self.brand_fit_settings)

    @cached_property
    def _filter_columns(self) -> FilterColumns:
        """The creator columns the filters read, coded."""
        return FilterColumns.of(self.index.creators, {field: self.settings.min_confidence(field)
                                                      for field, _, _ in INFERRED_FIELDS})

    @cached_property
    def _scores(self) -> dict[str, NDArray[np.float64]]:
        """The creators' signal columns as float arrays (views of float64 columns)."""
        creators = self.index.creators
        return {name: creators[name].to_numpy(dtype=float) for name in _SCORED}

    @cached_property
    def _creator_reader(self) -> RowReader:
        """Fast row takes of the creator columns an explanation shows."""
        present = [name for name in _INFERRED_COLUMNS if name in self.index.creators.columns]
        return RowReader(self.index.creators, _EXPLAINED + tuple(present))

    @cached_property
    def _unit_reader(self) -> RowReader:
        """Fast row takes of the texts shown as evidence."""
        return RowReader(self.index.units, ("source", "post_id", "shown"))

    def match(self, brief: str, *, k: int | None = None, preset: str | None = None,
              weights: Mapping[str, float] | None = None, filters: Filters | None = None,
              brief_id: str | None = None, diversity: float | None = None) -> MatchResponse:
        """Rank the creators that fit `brief` under the filters, best first, each one explained.

        `diversity` is the lambda of maximal marginal relevance (`matcher.diversity.mmr_order`):
        1 keeps the plain ranking, lower values push near-duplicate creators down the list.
        """
        parsed = self._suggest_competitors(with_filters(parse_brief(brief), filters))
        active = parsed.filters
        limit = k or active.k or DEFAULT_K
        if limit < 1:
            raise BriefError(f"k: must be at least 1, got {limit}")
        resolved = _for_brand(resolve_weights(self.settings, preset, weights), active)
        allowed, conflicts = self.eligible(active)
        eligible = int(allowed.sum())
        effects = self.filter_effects(active, conflicts)
        chosen_preset = preset or self.settings.default_preset
        if eligible == 0:
            return MatchResponse(brief_id, parsed, active, chosen_preset, resolved, self.version, 0, (),
                                 requested=limit, filter_effects=effects)
        query, niches = self.brief_query(parsed)
        ranked = self._rank(query, allowed, conflicts, active, resolved, limit)
        results = self._shortlist(ranked, limit, diversity)
        return MatchResponse(brief_id, parsed, active, chosen_preset, resolved, self.version, eligible, results,
                             niches, requested=limit, filter_effects=effects)

    def has_creator(self, creator_id: str) -> bool:
        """Whether `creator_id` is in this index (an exact match: 'c1\x00' is not 'c1')."""
        return str(creator_id) in self._filter_columns.creator_ids

    def similar(self, creator_ids: Sequence[str], *, k: int | None = None, preset: str | None = None,
                weights: Mapping[str, float] | None = None, filters: Filters | None = None,
                diversity: float | None = None) -> MatchResponse:
        """Creators like the seed creators, ranked and explained as a match; the seeds are left out.

        The query is the normalized mean of the seeds' content vectors; signals, filters and
        explanations are those of `match`.
        """
        seeds = list(dict.fromkeys(str(c) for c in creator_ids))
        if not seeds:
            raise BriefError("creator_id: give at least one seed creator")
        found = self._filter_columns.creator_ids.get_indexer(pd.Index(seeds))
        unknown = [seed for seed, row in zip(seeds, found, strict=True) if row < 0]
        if unknown:
            raise BriefError(f"creator_id: unknown {', '.join(map(repr, unknown))} (not in index {self.version})")
        rows = found.astype(np.int64)
        vectors = self.index.creator_vectors[rows].astype(np.float64)
        norms = np.linalg.norm(vectors, axis=1)
        if not np.any(norms > 0):
            raise BriefError(f"creator_id: {', '.join(seeds)} have no bio or captions to compare with")
        mean = vectors[norms > 0].mean(axis=0)
        query = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
        active = filters or Filters()
        limit = k or active.k or DEFAULT_K
        if limit < 1:
            raise BriefError(f"k: must be at least 1, got {limit}")
        resolved = _for_brand(resolve_weights(self.settings, preset, weights), active)
        allowed, conflicts = self.eligible(active)
        allowed[rows] = False
        parsed = ParsedBrief(text=f"creators like {', '.join(seeds)}", query_text="", filters=active)
        chosen_preset = preset or self.settings.default_preset
        eligible = int(allowed.sum())
        effects = self.filter_effects(active, conflicts)
        if eligible == 0:
            return MatchResponse(None, parsed, active, chosen_preset, resolved, self.version, 0, (), requested=limit,
                                 filter_effects=effects)
        ranked = self._rank(query, allowed, conflicts, active, resolved, limit)
        return MatchResponse(None, parsed, active, chosen_preset, resolved, self.version, eligible,
                             self._shortlist(ranked, limit, diversity), requested=limit, filter_effects=effects)

    def plan(self, brief: str, *, budget: float | None = None, size: int | None = None, preset: str | None = None,
             weights: Mapping[str, float] | None = None, filters: Filters | None = None,
             brief_id: str | None = None, alternates: int = DEFAULT_ALTERNATES,
             shared: float = DEFAULT_SHARED) -> TeamPlan:
        """The team worth most together for `brief` within a total `budget` (`matcher.planning`).

        The campaign's total is `budget`, else the filters' `campaign_budget`, else the one written in the
        brief ("budget $2,000"); a price-per-post cap is never taken for the total. The team size falls
        back to the count in the brief ("3 creators"). Candidates are the match's pool (`candidate_pool`,
        ranked by `preset`).
        """
        if budget is not None and filters is not None and filters.campaign_budget not in (None, budget):
            raise BriefError(f"budget: the total budget ({budget:g}) and the filters' campaign_budget "
                             f"({filters.campaign_budget:g}) differ; give one of them")
        parsed = with_filters(parse_brief(brief), filters)
        total = budget if budget is not None else parsed.filters.campaign_budget
        if total is None:
            raise BriefError("budget: give the campaign's total budget (--budget) or write it in the brief"
                             + (" (a price per post is not a campaign budget)"
                                if parsed.filters.max_price_per_post is not None else ""))
        if not math.isfinite(total) or total <= 0:
            raise BriefError(f"budget: must be a positive number, got {total}")
        max_size = size if size is not None else parsed.filters.k
        if max_size is not None and max_size < 1:
            raise BriefError(f"size: must be at least 1, got {max_size}")
        # a creator whose known price is above the whole budget can be in no team
        active = replace(parsed.filters, campaign_budget=float(total))
        parsed = replace(parsed, filters=active)
        resolved = _for_brand(resolve_weights(self.settings, preset, weights), active)
        chosen_preset = preset or self.settings.default_preset
        allowed, conflicts = self.eligible(active)
        eligible = int(allowed.sum())
        query, niches = self.brief_query(parsed)
        ranked = self._rank(query, allowed, conflicts, active, resolved, self.settings.candidate_pool)
        table = self.index.creators.iloc[ranked.rows]
        expected = table["expected_engagements"].to_numpy(dtype=float)
        prices = self.prices()
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
        profiles = self._audiences(kept, ranked.rows[keep], shared)
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
            candidates, profiles.matrix, overlap, ranking, kept["handle"].astype(str).tolist(), float(total),
            max_size, lambda i: self._explain(ranked, int(keep[i])), alternates)
        baseline = ranked_baseline(candidates, profiles.matrix, overlap, ranking, ids, float(total), max_size)
        guarantee = GREEDY_GUARANTEE if max_size is None else None  # proven for the budget alone
        return TeamPlan(brief_id, parsed, active, chosen_preset, self.version, eligible, len(keep), float(total),
                        max_size, strategy, guarantee, team, matrix, left_out, skipped, baseline, niches)

    def _audiences(self, creators: pd.DataFrame, rows: NDArray[np.int64], shared: float) -> AudienceProfiles:
        """Audience profiles of candidates: catalog shares, country, platform and content niche mix."""
        prototypes = self.niche_prototypes()
        mix = (np.vstack([niche_mix(v, prototypes, CONTENT_MIX_TEMPERATURE)
                          for v in self.index.creator_vectors[rows]]) if len(rows) else np.zeros((0, 1)))
        return audience_profiles(
            creators["platform"].tolist(), mix, [c if isinstance(c, str) and c else None for c in creators["country"]],
            _column(creators, "audience_countries"), _column(creators, "audience_age"),
            _column(creators, "audience_gender"), shared)

    def prices(self) -> PriceEstimate:
        """Every creator's price per post: known, or estimated by platform, tier and engagement."""
        return self._prices

    @cached_property
    def _prices(self) -> PriceEstimate:
        creators = self.index.creators
        return estimate_prices(creators["price_per_post"], creators["followers"], creators["platform"],
                               creators["tier"], creators["engagement_score"])

    def brief_query(self, parsed: ParsedBrief) -> tuple[NDArray[np.float32], tuple[tuple[str, float], ...]]:
        """The brief's query vector (steered towards its niches when the taxonomy names them) and the niches
        it was read as (none when it was not steered)."""
        sentences = brief_sentences(parsed.query_text) if self.niche.sentence_temperature is not None else []
        if len(sentences) >= 2:
            query = pool_sentences(self.encoder.encode(sentences), self.niche_prototypes(),
                                   float(self.niche.sentence_temperature or 1.0))
        else:
            query = self.encoder.encode([parsed.query_text])[0]
        if self.niche.taxonomy_weight <= 0:
            return query, ()
        gate = self.niche.steering_floor
        if math.isfinite(self.niche.steering_margin):
            gate = max(gate, float((self._gate_prototypes @ query).max()) - self.niche.steering_margin)
        steering = steer_query(query, self.niche_prototypes(), self.niche.taxonomy_temperature,
                               self.niche.taxonomy_weight, gate)
        if not steering.steered:
            return query, ()
        mix, labels = steering.mix, self._taxonomy.labels
        return steering.query, tuple((labels[i], float(mix[i])) for i in np.argsort(-mix)[:3] if mix[i] >= 0.05)

    def _rank(self, query: NDArray[np.float32], allowed: NDArray[np.bool_], conflicts: Mapping[str, Any],
              filters: Filters, weights: dict[str, float], limit: int) -> Ranked:
        """The candidate pool for a query, scored, with its order best first."""
        pool = max(self.settings.brand_pool if _names_a_brand(filters) and weights.get("brand_fit", 0.0) > 0
                   else self.settings.candidate_pool, limit)
        rows, niche_raw = self.niche.candidates(query, self.search, self.index.creator_vectors,
                                                self.index.unit_vectors, self._unit_start, self._unit_end,
                                                pool, allowed)
        # the pool's columns as numpy, never a pandas row or sub-table: those cost milliseconds per query
        columns = {name: self._creator_reader.take(name, rows) for name in self._creator_reader.names}
        fit = self.brand_fit(columns["creator_id"], filters.brand or "")
        components = self._components(rows, niche_raw, fit, filters)
        combined = combine(components, weights)
        total = combined.total.copy()
        if self.settings.competitor_policy == "penalize":
            penalized = np.isin(columns["creator_id"], list(conflicts.keys()))
            total = np.where(penalized, total * (1.0 - self.settings.competitor_penalty), total)
        # ties (equal scores) keep the niche order, so results are deterministic
        order = np.lexsort((-niche_raw, -total))
        return Ranked(rows, components, combined, total, order, query, conflicts, fit, filters, weights, columns)

    def _shortlist(self, ranked: Ranked, limit: int, diversity: float | None) -> tuple[Match, ...]:
        order = ranked.order
        if diversity is not None:
            vectors = self.index.creator_vectors[ranked.rows[order]]
            picked = mmr_order(ranked.total[order], vectors @ vectors.T, diversity, limit)
            order = order[picked]
        shown = [int(position) for position in order[:limit]]
        evidence = self._evidence([int(ranked.rows[position]) for position in shown], ranked.query)
        return tuple(self._explain(ranked, position, lines) for position, lines in zip(shown, evidence, strict=True))

    def _components(self, rows: NDArray[np.int64], niche_raw: NDArray[np.float64], fit: BrandFit,
                    filters: Filters) -> dict[str, ComponentScores]:
        n = len(rows)
        ones = np.ones(n)
        scores = {name: values[rows] for name, values in self._scores.items()}
        loyalty, loyalty_confidence = scores["loyalty_score"], scores["loyalty_confidence"]
        audience = np.full(n, np.nan)
        if filters.countries and "audience_countries" in self.index.creators.columns:
            for i, shares in enumerate(self.index.creators["audience_countries"].iloc[rows]):
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
            "brand_fit": ComponentScores(fit.score, fit.score if _names_a_brand(filters) else np.full(n, np.nan),
                                         fit.confidence),
        }

    def _explain(self, ranked: Ranked, position: int,
                 evidence: tuple[Evidence, ...] | None = None) -> Match:
        """The match at `position` of the ranked pool: every component, its flags and evidence lines."""
        components, combined, weights = ranked.components, ranked.combined, ranked.weights
        conflicts, fit, filters = ranked.conflicts, ranked.brand_fit, ranked.filters
        row = int(ranked.rows[position])
        columns = ranked.columns
        explained = []
        for name in COMPONENTS:
            part = components[name]
            score = float(part.score[position])
            explained.append(Component(
                name=name, raw=_finite(float(part.raw[position])), score=_finite(score),
                confidence=float(part.confidence[position]) if not math.isnan(score) else 0.0,
                normalized=float(combined.normalized[name][position]), weight=weights[name],
                contribution=float(combined.contribution[name][position]), missing=math.isnan(score)))
        flags = list(columns["flags"][position])
        creator_id = columns["creator_id"][position]
        if creator_id in conflicts:
            conflict = conflicts[creator_id]
            flags.append(f"promoted competitor {conflict.competitor} on {conflict.posted_at.date().isoformat()}")
        if filters.brand and _names_a_brand(filters):
            flags.extend(brand_fit_lines(fit, position, filters.brand))
        if filters.price_cap is not None and math.isnan(float(columns["price_per_post"][position])):
            flags.append("price unknown: check it against the budget")
        known = {given: known_value(columns[given][position], columns[guess][position], float(columns[sure][position]),
                                    self.settings.min_confidence(given))
                 for given, guess, sure in INFERRED_FIELDS if guess in columns}
        return Match(
            creator_id=creator_id, handle=columns["handle"][position], platform=columns["platform"][position],
            followers=int(columns["followers"][position]), tier=str(columns["tier"][position]),
            score=float(ranked.total[position]), components=tuple(explained), flags=tuple(flags),
            evidence=evidence if evidence is not None else self._evidence([row], ranked.query)[0],
            language=known.get("language"), country=known.get("country"),
            niche_tags=tuple(columns["niche_tags"][position]) if "niche_tags" in columns else (),
            sensitive=sensitive_topics(
                columns["sensitive_shares"][position], columns["sensitive_confidence"][position],
                columns["sensitive_evidence"][position]) if "sensitive_shares" in columns else ())

    def _evidence(self, rows: Sequence[int], query: NDArray[np.float32]) -> list[tuple[Evidence, ...]]:
        """The best-matching texts of each creator row, read from the unit table in one take."""
        lines = self.settings.evidence_lines
        chosen: list[NDArray[np.int64]] = []
        similarities: list[NDArray[np.float32]] = []
        for row in rows:
            start, end = int(self._unit_start[row]), int(self._unit_end[row])
            if end <= start or lines == 0:
                chosen.append(np.zeros(0, dtype=np.int64))
                similarities.append(np.zeros(0, dtype=np.float32))
                continue
            similarity = self.index.unit_vectors[start:end] @ query
            best = np.argsort(-similarity)[:lines]
            chosen.append(start + best)
            similarities.append(similarity[best])
        flat = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
        units = self._unit_reader
        sources, post_ids, shown = ([str(v) for v in units.take(name, flat)] for name in ("source", "post_id", "shown"))
        out, at = [], 0
        for found, similarity in zip(chosen, similarities, strict=True):
            out.append(tuple(Evidence(source=sources[at + i], post_id=post_ids[at + i], text=_snippet(shown[at + i]),
                                      similarity=float(similarity[i])) for i in range(len(found))))
            at += len(found)
        return out


_EXPLAINED = ("creator_id", "handle", "platform", "followers", "tier", "flags", "price_per_post")
# the language and country an answer shows: the catalog's, or the inferred one (indexes built before
# inference lack the inferred columns)
_INFERRED_COLUMNS = (*(name for field in INFERRED_FIELDS for name in field), "niche_tags", "sensitive_shares",
                     "sensitive_confidence", "sensitive_evidence")
_SCORED = ("engagement_rate", "engagement_score", "engagement_confidence", "trust_score", "trust_confidence",
           "loyalty_score", "loyalty_confidence", "cost_per_engagement", "cost_score", "cost_confidence")


def _names_a_brand(filters: Filters) -> bool:
    """Whether the filters name a brand with letters or digits in it (an emoji is no brand)."""
    return bool(filters.brand and normalize_brand(filters.brand))


def _for_brand(weights: dict[str, float], filters: Filters) -> dict[str, float]:
    """The weights a ranking uses: brand fit counts only when the brief names a brand."""
    if _names_a_brand(filters):
        return weights
    used = {**weights, "brand_fit": 0.0}
    if sum(used.values()) <= 0:
        raise BriefError("weights: brand_fit is the only positive weight, and it counts only when the brief "
                         "names a brand (give the brand, or another weight)")
    return used


def brand_fit_lines(fit: BrandFit, position: int, brand: str) -> list[str]:
    """What a creator has shown of `brand`: 'past partner of Zara (2 sponsored posts, latest 2019-01-05)',
    'mentioned Zara unpaid in 1 post, latest 2019-03-02', 'mentions hm and mango, which share creators with
    Zara'."""
    def when(date: pd.Timestamp | None) -> str:
        return f", latest {date.date().isoformat()}" if date is not None else ""

    lines = []
    paid, organic = int(fit.paid_posts[position]), int(fit.organic_posts[position])
    if paid:
        lines.append(f"past partner of {brand} ({paid} sponsored post{'s' if paid != 1 else ''}"
                     f"{when(fit.latest_paid[position])})")
    if organic:
        lines.append(f"mentioned {brand} unpaid in {organic} post{'s' if organic != 1 else ''}"
                     f"{when(fit.latest_organic[position])}")
    similar = fit.similar_brands[position]
    if similar and fit.similar[position] > 0:
        lines.append(f"mentions {' and '.join(similar)}, which share creators with {brand}")
    return lines


def _day(date: pd.Timestamp | None) -> str | None:
    return date.date().isoformat() if date is not None else None


def _column(table: pd.DataFrame, name: str) -> list[Any]:
    """A column's values, or None for each row when the catalog has no such column."""
    return table[name].tolist() if name in table.columns else [None] * len(table)


def _snippet(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
