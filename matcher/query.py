"""One query, built once and shared by match, similar and plan: the brief (or seeds), the resolved filters and
weights, who is eligible, and the encoded, steered vector."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from matcher.briefs import Filters, ParsedBrief
from matcher.errors import BriefError
from matcher.filtering import FilterEffect
from matcher.loyalty import CompetitorConflict, competitor_conflicts, normalize_brand
from matcher.niche import NicheScorer
from matcher.prepared import PreparedIndex
from matcher.protocols import Encoder
from matcher.ranking import resolve_weights
from matcher.relevance_feedback import RelevanceFeedback, rocchio
from matcher.settings import MatchSettings
from matcher.taxonomy import brief_sentences, pool_sentences, steer_query
from matcher.vector_rows import take_rows

Niches = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Query:
    """What a ranking needs, resolved: the hand-off from reading a request to retrieving and re-ranking.

    `allowed` marks the creators that pass the hard filters; `vector` is the niche query (the steered
    brief, or the seeds' mean) and `niches` what the brief was read as (empty when not steered).
    """

    brief_id: str | None
    brief: ParsedBrief
    preset: str
    weights: dict[str, float]
    limit: int
    allowed: NDArray[np.bool_]
    conflicts: Mapping[str, CompetitorConflict]
    effects: tuple[FilterEffect, ...]
    vector: NDArray[np.float32]
    niches: Niches = ()
    feedback: RelevanceFeedback | None = None
    unmoved: NDArray[np.float32] | None = None  # the vector before feedback moved it

    @property
    def filters(self) -> Filters:
        """The filters in force: the brief's readings under the explicit ones."""
        return self.brief.filters

    @property
    def eligible(self) -> int:
        """How many creators pass the filters."""
        return int(self.allowed.sum())


def names_a_brand(filters: Filters) -> bool:
    """Whether the filters name a brand with letters or digits in it (an emoji is no brand)."""
    return bool(filters.brand and normalize_brand(filters.brand))


def weights_for(settings: MatchSettings, preset: str | None, weights: Mapping[str, float] | None,
                filters: Filters) -> dict[str, float]:
    """The weights a ranking uses (preset, then explicit ones); brand fit counts only when the brief names a
    brand."""
    resolved = resolve_weights(settings, preset, weights)
    if names_a_brand(filters):
        return resolved
    used = {**resolved, "brand_fit": 0.0}
    if sum(used.values()) <= 0:
        raise BriefError("brand_fit is the only positive weight, and it counts only when the brief names a brand "
                         "(give the brand, or another weight)", field="weights")
    return used


def check_limit(limit: int, field: str = "k") -> int:
    """`limit`, refused below 1."""
    if limit < 1:
        raise BriefError(f"must be at least 1, got {limit}", field=field)
    return limit


class QueryBuilder:
    """Turns requests into `Query` objects against one prepared version (filters, weights, vector)."""

    def __init__(self, prepared: PreparedIndex, encoder: Encoder, settings: MatchSettings,
                 niche: NicheScorer) -> None:
        self.prepared = prepared
        self.encoder = encoder
        self.settings = settings
        self.niche = niche

    def eligible(self, filters: Filters) -> tuple[NDArray[np.bool_], dict[str, CompetitorConflict]]:
        """Which creators pass the hard filters (competitors excluded when that is the policy)."""
        conflicts = competitor_conflicts(self.prepared.brands, list(filters.competitors))
        return self.prepared.filter_columns.mask(filters, self.settings.tiers, self._excluded(conflicts)), conflicts

    def filter_effects(self, filters: Filters,
                       conflicts: Mapping[str, CompetitorConflict] | None = None) -> tuple[FilterEffect, ...]:
        """What each set filter does on its own (creators removed, how many for an unknown value)."""
        if conflicts is None:
            conflicts = competitor_conflicts(self.prepared.brands, list(filters.competitors))
        return self.prepared.filter_columns.effects(filters, self.settings.tiers, self._excluded(conflicts))

    def _excluded(self, conflicts: Mapping[str, CompetitorConflict]) -> Sequence[str]:
        return list(conflicts.keys()) if self.settings.competitor_policy == "exclude" else []

    def brief_vector(self, parsed: ParsedBrief) -> tuple[NDArray[np.float32], Niches]:
        """The brief's query vector (steered towards its niches when the taxonomy names them clearly) and
        the niches it was read as (none when it was not steered; `matcher.taxonomy.steer_query`)."""
        niche, prototypes = self.niche, self.prepared.prototypes
        sentences = brief_sentences(parsed.query_text) if niche.sentence_temperature is not None else []
        if len(sentences) >= 2:
            query = pool_sentences(self.encoder.encode(sentences), prototypes, float(niche.sentence_temperature or 1.0))
        else:
            query = self.encoder.encode([parsed.query_text])[0]
        if niche.taxonomy_weight <= 0:
            return query, ()
        gate = niche.steering_floor
        if math.isfinite(niche.steering_margin):
            gate = max(gate, float((self.prepared.gate_prototypes @ query).max()) - niche.steering_margin)
        steering = steer_query(query, prototypes, niche.taxonomy_temperature, niche.taxonomy_weight, gate)
        if not steering.steered:
            return query, ()
        mix, labels = steering.mix, self.prepared.taxonomy.labels
        return steering.query, tuple((labels[i], float(mix[i])) for i in np.argsort(-mix)[:3] if mix[i] >= 0.05)

    def for_brief(self, parsed: ParsedBrief, *, limit: int, preset: str | None,
                  weights: Mapping[str, float] | None, brief_id: str | None, encode_always: bool = False) -> Query:
        """The query of a read brief; with nothing eligible the brief is not encoded unless `encode_always`."""
        filters = parsed.filters
        resolved = weights_for(self.settings, preset, weights, filters)
        allowed, conflicts = self.eligible(filters)
        effects = self.filter_effects(filters, conflicts)
        vector: NDArray[np.float32] = np.zeros(0, dtype=np.float32)
        niches: Niches = ()
        if encode_always or allowed.any():
            vector, niches = self.brief_vector(parsed)
        return Query(brief_id, parsed, preset or self.settings.default_preset, resolved, limit, allowed, conflicts,
                     effects, vector, niches)

    def with_feedback(self, query: Query, feedback: RelevanceFeedback | None) -> Query:
        """The query moved by the creators marked relevant and not relevant (`matcher.relevance_feedback`);
        those marked not relevant leave the list."""
        if feedback is None or not feedback.given:
            return query
        ids = self.prepared.filter_columns.creator_ids
        rows: dict[str, NDArray[np.int64]] = {}
        for field, marked in (("relevant", feedback.relevant), ("not_relevant", feedback.not_relevant)):
            found = ids.rows(marked)
            unknown = [creator_id for creator_id, row in zip(marked, found, strict=True) if row < 0]
            if unknown:
                raise BriefError(f"unknown {', '.join(map(repr, unknown))} (not in index "
                                 f"{self.prepared.index.version})", field=field)
            rows[field] = found.astype(np.int64)
        allowed = query.allowed.copy()
        removed = int(allowed[rows["not_relevant"]].sum())
        allowed[rows["not_relevant"]] = False
        effect = FilterEffect("not_relevant", tuple(feedback.not_relevant), removed, 0, len(allowed))
        effects = (*query.effects, effect) if feedback.not_relevant else query.effects
        if query.vector.size == 0:  # nothing was eligible: no vector to move
            return replace(query, allowed=allowed, effects=effects, feedback=feedback)
        vectors = self.prepared.index.creator_vectors
        moved = rocchio(query.vector, take_rows(vectors, rows["relevant"]).astype(np.float32),
                        take_rows(vectors, rows["not_relevant"]).astype(np.float32), feedback.alpha,
                        feedback.beta, feedback.gamma)
        return replace(query, vector=moved, unmoved=query.vector, allowed=allowed, effects=effects, feedback=feedback)

    def for_seeds(self, creator_ids: Sequence[str], *, filters: Filters, limit: int, preset: str | None,
                  weights: Mapping[str, float] | None) -> Query:
        """The query of seed creators: the normalized mean of their content vectors; the seeds are not eligible."""
        seeds = list(dict.fromkeys(str(c) for c in creator_ids))
        if not seeds:
            raise BriefError("give at least one seed creator", field="creator_ids")
        found = self.prepared.filter_columns.creator_ids.rows(seeds)
        unknown = [seed for seed, row in zip(seeds, found, strict=True) if row < 0]
        if unknown:
            raise BriefError(f"unknown {', '.join(map(repr, unknown))} (not in index {self.prepared.index.version})",
                             field="creator_ids")
        rows = found.astype(np.int64)
        vectors = take_rows(self.prepared.index.creator_vectors, rows).astype(np.float64)
        norms = np.linalg.norm(vectors, axis=1)
        if not np.any(norms > 0):
            raise BriefError(f"{', '.join(seeds)} have no bio or captions to compare with", field="creator_ids")
        mean = vectors[norms > 0].mean(axis=0)
        vector = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
        resolved = weights_for(self.settings, preset, weights, filters)
        allowed, conflicts = self.eligible(filters)
        allowed[rows] = False
        parsed = ParsedBrief(text=f"creators like {', '.join(seeds)}", query_text="", filters=filters)
        return Query(None, parsed, preset or self.settings.default_preset, resolved, limit, allowed, conflicts,
                     self.filter_effects(filters, conflicts), vector)
