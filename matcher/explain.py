"""Explain a ranking: each shown creator's score components, flags, inferred values and the texts that matched."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brand_fit import BrandFit
from matcher.diversity import mmr_order
from matcher.inferred import INFERRED_FIELDS, known_value
from matcher.prepared import PreparedIndex
from matcher.query import Query, names_a_brand
from matcher.rerank import Ranked
from matcher.results import Component, Evidence, Match, finite_or_none
from matcher.safety import sensitive_topics
from matcher.settings import COMPONENTS, MatchSettings
from matcher.vector_rows import take_ranges, take_rows


class Explainer:
    """Turns ranked pool positions into explained `Match` results for one prepared version."""

    def __init__(self, prepared: PreparedIndex, settings: MatchSettings) -> None:
        self.prepared = prepared
        self.settings = settings

    def shortlist(self, query: Query, ranked: Ranked, diversity: float | None = None,
                  before: Mapping[str, int] | None = None) -> tuple[Match, ...]:
        """The first `query.limit` creators of the ranking (re-ordered by maximal marginal relevance when
        `diversity` is given), each explained; `before` gives each creator's place without the feedback."""
        order = ranked.order
        if diversity is not None:
            vectors = take_rows(self.prepared.index.creator_vectors, ranked.rows[order]).astype(np.float32)
            picked = mmr_order(ranked.total[order], vectors @ vectors.T, diversity, query.limit)
            order = order[picked]
        shown = [int(position) for position in order[:query.limit]]
        evidence = self.evidence([int(ranked.rows[position]) for position in shown], query.vector)
        matches = [self.explain(query, ranked, position, lines) for position, lines in zip(shown, evidence,
                                                                                          strict=True)]
        if query.feedback is None:
            return tuple(matches)
        return tuple(replace(match, feedback=feedback_note(match.creator_id, place, query.feedback.relevant, before))
                     for place, match in enumerate(matches))

    def explain(self, query: Query, ranked: Ranked, position: int,
                evidence: tuple[Evidence, ...] | None = None) -> Match:
        """The match at `position` of the ranked pool: every component, its flags and evidence lines."""
        components, combined, weights, filters = ranked.components, ranked.combined, query.weights, query.filters
        row = int(ranked.rows[position])
        columns = ranked.columns
        explained = []
        for name in COMPONENTS:
            part = components[name]
            score = float(part.score[position])
            explained.append(Component(
                name=name, raw=finite_or_none(float(part.raw[position])), score=finite_or_none(score),
                confidence=float(part.confidence[position]) if not math.isnan(score) else 0.0,
                normalized=float(combined.normalized[name][position]), weight=weights[name],
                contribution=float(combined.contribution[name][position]), missing=math.isnan(score)))
        flags = list(columns["flags"][position])
        creator_id = columns["creator_id"][position]
        if creator_id in query.conflicts:
            conflict = query.conflicts[creator_id]
            flags.append(f"promoted competitor {conflict.competitor} on {conflict.posted_at.date().isoformat()}")
        if filters.brand and names_a_brand(filters):
            flags.extend(brand_fit_lines(ranked.brand_fit, position, filters.brand))
        if filters.price_cap is not None and math.isnan(float(columns["price_per_post"][position])):
            flags.append("price unknown: check it against the budget")
        known = {given: known_value(columns[given][position], columns[guess][position], float(columns[sure][position]),
                                    self.settings.min_confidence(given))
                 for given, guess, sure in INFERRED_FIELDS if guess in columns}
        return Match(
            creator_id=creator_id, handle=columns["handle"][position], platform=columns["platform"][position],
            followers=int(columns["followers"][position]), tier=str(columns["tier"][position]),
            score=float(ranked.total[position]), components=tuple(explained), flags=tuple(flags),
            evidence=evidence if evidence is not None else self.evidence([row], query.vector)[0],
            language=known.get("language"), country=known.get("country"),
            niche_tags=tuple(columns["niche_tags"][position]) if "niche_tags" in columns else (),
            sensitive=sensitive_topics(
                columns["sensitive_shares"][position], columns["sensitive_confidence"][position],
                columns["sensitive_evidence"][position]) if "sensitive_shares" in columns else ())

    def evidence(self, rows: Sequence[int], vector: NDArray[np.float32]) -> list[tuple[Evidence, ...]]:
        """The best-matching texts of each creator row, read from the unit table in one take."""
        prepared, lines = self.prepared, self.settings.evidence_lines
        chosen: list[NDArray[np.int64]] = []
        similarities: list[NDArray[np.float32]] = []
        picked = np.asarray(rows, dtype=np.int64)
        texts_of = take_ranges(prepared.index.unit_vectors, prepared.unit_start[picked], prepared.unit_end[picked]) \
            if lines else [np.zeros((0, 1), dtype=np.float32)] * len(picked)
        for row, texts in zip(picked.tolist(), texts_of, strict=True):
            start = int(prepared.unit_start[row])
            if not len(texts):
                chosen.append(np.zeros(0, dtype=np.int64))
                similarities.append(np.zeros(0, dtype=np.float32))
                continue
            similarity = texts.astype(np.float32, copy=False) @ vector
            best = np.argsort(-similarity)[:lines]
            chosen.append(start + best)
            similarities.append(similarity[best])
        flat = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
        units = prepared.unit_reader
        sources, post_ids, shown = ([str(v) for v in units.take(name, flat)] for name in ("source", "post_id", "shown"))
        out, at = [], 0
        for found, similarity in zip(chosen, similarities, strict=True):
            out.append(tuple(Evidence(source=sources[at + i], post_id=post_ids[at + i], text=_snippet(shown[at + i]),
                                      similarity=float(similarity[i])) for i in range(len(found))))
            at += len(found)
        return out


def feedback_note(creator_id: str, place: int, relevant: Sequence[str], before: Mapping[str, int] | None) -> str:
    """How the marketer's feedback placed a result: 'marked relevant', 'moved up from #14', 'new: not in the first
    200 without feedback' (places count from 1)."""
    if creator_id in relevant:
        return "you marked it relevant"
    if before is None:
        return "ranked with your feedback"
    was = before.get(creator_id)
    if was is None:
        return f"brought in by your feedback: not in the first {len(before)} without it"
    if was == place:
        return f"feedback kept it at #{place + 1}"
    return f"feedback moved it {'up' if was > place else 'down'} from #{was + 1}"


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


def _snippet(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
