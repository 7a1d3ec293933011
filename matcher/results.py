"""What match, similar and brand lookups return: typed results and their one JSON form.

`to_dict` of each type is the single serializer of the answer: `creatormatch match --json`, the HTTP
API (whose response models in `api/schemas.py` describe and validate exactly this form) and the page
all read it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from matcher.briefs import Filters, ParsedBrief
from matcher.filtering import FilterEffect
from matcher.inferred import KnownValue
from matcher.safety import SensitiveTopic

DEFAULT_K = 10


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
                "similarity": json_scalar(self.similarity)}


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
        return {"name": self.name, "raw": json_scalar(self.raw), "score": json_scalar(self.score),
                "confidence": json_scalar(self.confidence), "normalized": json_scalar(self.normalized),
                "weight": json_scalar(self.weight), "contribution": json_scalar(self.contribution),
                "missing": json_scalar(self.missing)}


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
    feedback: str | None = None  # how the marketer's feedback placed it (None without feedback)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, as `dataclasses.asdict` gives it with non-finite numbers as null.

        Written out field by field: `asdict` deep-copies every value and cost 1.7 ms of a /match response.
        """
        return {"creator_id": self.creator_id, "handle": self.handle, "platform": self.platform,
                "followers": json_scalar(self.followers), "tier": self.tier, "score": json_scalar(self.score),
                "components": [component.to_dict() for component in self.components],
                "flags": list(self.flags), "evidence": [line.to_dict() for line in self.evidence],
                "language": self.language.to_dict() if self.language is not None else None,
                "country": self.country.to_dict() if self.country is not None else None,
                "niche_tags": list(self.niche_tags), "sensitive": [topic.to_dict() for topic in self.sensitive],
                "feedback": self.feedback}


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
            **brief_fields(self.brief_id, self.brief, self.filters, self.niches),
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


def brief_fields(brief_id: str | None, brief: ParsedBrief, filters: Filters,
                 niches: tuple[tuple[str, float], ...]) -> dict[str, Any]:
    """The head of every answer to a brief: what was read from it, the filters in force, the niches it was read as."""
    return {
        "brief_id": brief_id,
        "brief": brief.text,
        "query_text": brief.query_text,
        "parsed": brief.filters.as_dict(),
        "parsed_phrases": [reading.to_dict() for reading in brief.applied],
        "suggestions": [reading.to_dict() for reading in brief.suggestions],
        "filters": filters.as_dict(),
        "niches": [{"niche": name, "weight": round(weight, 3)} for name, weight in niches],
    }


def shortfall_message(found: int, requested: int, eligible: int, effects: Sequence[FilterEffect]) -> str:
    """'3 of 10 asked: 3 creators pass the filters. countries DE removes ...; tiers micro removes ...'."""
    head = (f"{found} of {requested} asked: {eligible:,} creator{'s' if eligible != 1 else ''} pass the filters"
            if effects else f"{found} of {requested} asked: the catalog has no more creators to rank")
    biggest = sorted(effects, key=lambda effect: -effect.removes)
    return head + ("." if not biggest else ". " + "; ".join(effect.describe() for effect in biggest) + ".")


def json_scalar(value: Any) -> Any:
    """A plain Python scalar for JSON: numpy scalars unwrapped, NaN and infinities as None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def finite_or_none(value: float) -> float | None:
    """The value as a float, or None when it is missing or not finite."""
    return None if value is None or not math.isfinite(value) else float(value)


def json_ready(value: Any) -> Any:
    """A nested structure made JSON-ready: NaN and infinities as None, numpy scalars as plain numbers."""
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    return json_scalar(value)
