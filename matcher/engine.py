"""The matching pipeline: brief -> filters -> filtered vector search -> re-rank -> explanation."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brief import Filters, ParsedBrief, parse_brief, with_filters
from matcher.errors import BriefError
from matcher.filtering import allowed_mask
from matcher.loyalty import (
    BrandAffinity,
    CompetitorConflict,
    brand_affinity,
    competitor_conflicts,
    loyalty_with_brand,
)
from matcher.niche import NicheScorer
from matcher.protocols import Encoder, VectorSearch
from matcher.ranking import ComponentScores, combine, min_max, resolve_weights
from matcher.settings import COMPONENTS, MatchSettings
from matcher.taxonomy import NICHES, steer_query

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

    def unit_ranges(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Start and end row in `units` of each creator's texts."""
        rows = self.units["creator_row"].to_numpy(dtype=np.int64)
        creators = np.arange(len(self.creators))
        return np.searchsorted(rows, creators, side="left"), np.searchsorted(rows, creators, side="right")


@dataclass(frozen=True)
class Evidence:
    """A bio or caption of the creator that matched the brief, with its cosine similarity."""

    source: str
    post_id: str
    text: str
    similarity: float


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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the contract of `creatormatch match --json`."""
        return {
            "brief_id": self.brief_id,
            "brief": self.brief.text,
            "query_text": self.brief.query_text,
            "parsed": self.brief.filters.as_dict(),
            "parsed_phrases": [{"kind": kind, "text": text} for kind, text in self.brief.matched],
            "filters": self.filters.as_dict(),
            "niches": [{"niche": name, "weight": round(weight, 3)} for name, weight in self.niches],
            "preset": self.preset,
            "weights": self.weights,
            "index_version": self.index_version,
            "eligible_creators": self.eligible_creators,
            "results": [_clean(asdict(m)) for m in self.results],
        }


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, np.generic):
        return _clean(value.item())
    return value


def _finite(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


class Matcher:
    """Answers briefs against one loaded index version; cheap to build, safe to share across threads."""

    def __init__(self, index: CreatorIndex, encoder: Encoder, search: VectorSearch,
                 settings: MatchSettings | None = None, niche: NicheScorer | None = None) -> None:
        self.index = index
        self.encoder = encoder
        self.search = search
        self.settings = settings or MatchSettings()
        self.niche = niche or NicheScorer()
        self._unit_start, self._unit_end = index.unit_ranges()
        self._prototypes: NDArray[np.float32] | None = None

    def niche_prototypes(self) -> NDArray[np.float32]:
        """Vectors of the taxonomy's niche descriptions, embedded once per matcher."""
        if self._prototypes is None:
            self._prototypes = self.encoder.encode([description for _, description in NICHES])
        return self._prototypes

    @property
    def version(self) -> str:
        """The index version this matcher answers from."""
        return self.index.version

    def eligible(self, filters: Filters) -> tuple[NDArray[np.bool_], dict[str, CompetitorConflict]]:
        """Which creators pass the hard filters (competitors excluded when that is the policy)."""
        conflicts = competitor_conflicts(self.index.brand_events, list(filters.competitors))
        excluded = conflicts.keys() if self.settings.competitor_policy == "exclude" else ()
        return allowed_mask(self.index.creators, filters, self.settings.tiers, excluded), conflicts

    def match(self, brief: str, *, k: int | None = None, preset: str | None = None,
              weights: Mapping[str, float] | None = None, filters: Filters | None = None,
              brief_id: str | None = None) -> MatchResponse:
        """Rank the creators that fit `brief` under the filters, best first, each one explained."""
        parsed = with_filters(parse_brief(brief), filters)
        active = parsed.filters
        limit = k or active.k or DEFAULT_K
        if limit < 1:
            raise BriefError(f"k: must be at least 1, got {limit}")
        resolved = resolve_weights(self.settings, preset, weights)
        creators = self.index.creators
        allowed, conflicts = self.eligible(active)
        eligible = int(allowed.sum())
        if eligible == 0:
            return MatchResponse(brief_id, parsed, active, preset or self.settings.default_preset, resolved,
                                 self.version, 0, ())

        query = self.encoder.encode([parsed.query_text])[0]
        niches: tuple[tuple[str, float], ...] = ()
        if self.niche.taxonomy_weight > 0:
            query, mix = steer_query(query, self.niche_prototypes(), self.niche.taxonomy_temperature,
                                     self.niche.taxonomy_weight)
            niches = tuple((NICHES[i][0], float(mix[i])) for i in np.argsort(-mix)[:3] if mix[i] >= 0.05)
        pool = max(self.settings.candidate_pool, limit)
        rows, niche_raw = self.niche.candidates(query, self.search, self.index.creator_vectors,
                                                self.index.unit_vectors, self._unit_start, self._unit_end,
                                                pool, allowed)
        affinity = brand_affinity(self.index.brand_events, active.brand or "")
        table = creators.iloc[rows]
        components = self._components(table, niche_raw, affinity, active)
        combined = combine(components, resolved)
        total = combined.total.copy()
        if self.settings.competitor_policy == "penalize":
            penalized = table["creator_id"].isin(conflicts.keys()).to_numpy()
            total = np.where(penalized, total * (1.0 - self.settings.competitor_penalty), total)
        # ties (equal scores) keep the niche order, so results are deterministic
        order = np.lexsort((-niche_raw, -total))[:limit]
        results = tuple(self._explain(int(position), table, rows, components, combined, total, resolved,
                                      query, conflicts, affinity, active) for position in order)
        return MatchResponse(brief_id, parsed, active, preset or self.settings.default_preset, resolved,
                             self.version, eligible, results, niches)

    def _components(self, table: pd.DataFrame, niche_raw: NDArray[np.float64],
                    affinity: dict[str, BrandAffinity], filters: Filters) -> dict[str, ComponentScores]:
        n = len(table)
        ones = np.ones(n)
        loyalty = table["loyalty_score"].to_numpy(dtype=float).copy()
        loyalty_confidence = table["loyalty_confidence"].to_numpy(dtype=float).copy()
        for i, creator_id in enumerate(table["creator_id"]):
            if creator_id in affinity:
                loyalty[i], loyalty_confidence[i] = loyalty_with_brand(loyalty[i], loyalty_confidence[i],
                                                                       affinity[creator_id])
        audience = np.full(n, np.nan)
        if filters.countries and "audience_countries" in table.columns:
            for i, shares in enumerate(table["audience_countries"]):
                if isinstance(shares, Mapping) and shares:
                    audience[i] = min(1.0, sum(float(shares.get(c, 0.0) or 0.0) for c in filters.countries))
        return {
            "niche": ComponentScores(niche_raw, min_max(niche_raw), ones),
            "engagement": ComponentScores(table["engagement_rate"].to_numpy(dtype=float),
                                          table["engagement_score"].to_numpy(dtype=float),
                                          table["engagement_confidence"].to_numpy(dtype=float)),
            "trust": ComponentScores(table["trust_score"].to_numpy(dtype=float),
                                     table["trust_score"].to_numpy(dtype=float),
                                     table["trust_confidence"].to_numpy(dtype=float)),
            "loyalty": ComponentScores(loyalty, loyalty, loyalty_confidence),
            "audience": ComponentScores(audience, audience, np.where(np.isnan(audience), 0.0, 1.0)),
            "cost": ComponentScores(table["cost_per_engagement"].to_numpy(dtype=float),
                                    table["cost_score"].to_numpy(dtype=float),
                                    table["cost_confidence"].to_numpy(dtype=float)),
        }

    def _explain(self, position: int, table: pd.DataFrame, rows: NDArray[np.int64],
                 components: dict[str, ComponentScores], combined: Any, total: NDArray[np.float64],
                 weights: dict[str, float], query: NDArray[np.float32], conflicts: Mapping[str, Any],
                 affinity: Mapping[str, BrandAffinity], filters: Filters) -> Match:
        record = table.iloc[position]
        explained = []
        for name in COMPONENTS:
            part = components[name]
            score = float(part.score[position])
            explained.append(Component(
                name=name, raw=_finite(float(part.raw[position])), score=_finite(score),
                confidence=float(part.confidence[position]) if not math.isnan(score) else 0.0,
                normalized=float(combined.normalized[name][position]), weight=weights[name],
                contribution=float(combined.contribution[name][position]), missing=math.isnan(score)))
        flags = list(record["flags"])
        creator_id = record["creator_id"]
        if creator_id in conflicts:
            conflict = conflicts[creator_id]
            flags.append(f"promoted competitor {conflict.competitor} on {conflict.posted_at.date().isoformat()}")
        if creator_id in affinity:
            seen = affinity[creator_id]
            if seen.paid_posts:
                flags.append(f"past partner of {filters.brand} ({seen.paid_posts} sponsored posts)")
            if seen.organic_mentions:
                flags.append(f"mentions {filters.brand} unpaid ({seen.organic_mentions} posts)")
        if filters.budget is not None and math.isnan(float(record["price_per_post"])):
            flags.append("price unknown: check it against the budget")
        return Match(
            creator_id=creator_id, handle=record["handle"], platform=record["platform"],
            followers=int(record["followers"]), tier=str(record["tier"]), score=float(total[position]),
            components=tuple(explained), flags=tuple(flags),
            evidence=self._evidence(int(rows[position]), query))

    def _evidence(self, row: int, query: NDArray[np.float32]) -> tuple[Evidence, ...]:
        start, end = int(self._unit_start[row]), int(self._unit_end[row])
        if end <= start or self.settings.evidence_lines == 0:
            return ()
        similarity = self.index.unit_vectors[start:end] @ query
        best = np.argsort(-similarity)[: self.settings.evidence_lines]
        units = self.index.units
        return tuple(Evidence(source=str(units["source"].iat[start + i]), post_id=str(units["post_id"].iat[start + i]),
                              text=_snippet(str(units["shown"].iat[start + i])), similarity=float(similarity[i]))
                     for i in best)


def _snippet(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
