"""Matching settings: tier thresholds, weight presets and policies, validated by pydantic.

These are plain values passed into the engine; only api/ reads them from the environment.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

COMPONENTS: tuple[str, ...] = ("niche", "engagement", "trust", "loyalty", "audience", "cost", "brand_fit")

PRESETS: dict[str, dict[str, float]] = {
    # niche similarity alone: the pure relevance ranking
    "relevance": {"niche": 1.0},
    # the default: relevance first, then the signals a brand-safety review asks about
    # brand_fit counts only when a brief names a brand (its weight chosen on Kim briefs: docs/brands.md)
    "balanced": {"niche": 0.6, "engagement": 0.12, "trust": 0.12, "loyalty": 0.08, "audience": 0.04,
                 "cost": 0.04, "brand_fit": 0.3},
    "engagement": {"niche": 0.45, "engagement": 0.35, "trust": 0.15, "loyalty": 0.05, "brand_fit": 0.2},
    "brand_safe": {"niche": 0.45, "trust": 0.35, "loyalty": 0.15, "engagement": 0.05, "brand_fit": 0.2},
    "budget": {"niche": 0.45, "cost": 0.3, "engagement": 0.15, "trust": 0.1, "brand_fit": 0.2},
}


class TierThresholds(BaseModel):
    """Lower follower bounds of each tier; there is no industry standard, so they are settings."""

    micro: int = Field(10_000, gt=0)
    macro: int = Field(100_000, gt=0)
    mega: int = Field(1_000_000, gt=0)

    @model_validator(mode="after")
    def _increasing(self) -> TierThresholds:
        if not self.micro < self.macro < self.mega:
            raise ValueError("tier thresholds must increase: micro < macro < mega")
        return self

    def bounds(self, tier: str) -> tuple[int, int | None]:
        """Follower range [low, high) of a tier; high is None for the open top tier."""
        table: dict[str, tuple[int, int | None]] = {
            "nano": (0, self.micro),
            "micro": (self.micro, self.macro),
            "macro": (self.macro, self.mega),
            "mega": (self.mega, None),
        }
        if tier not in table:
            raise ValueError(f"unknown tier '{tier}' (expected one of {', '.join(table)})")
        return table[tier]


class MatchSettings(BaseModel):
    """Everything a ranking depends on besides the index and the query."""

    tiers: TierThresholds = Field(default_factory=TierThresholds)
    presets: dict[str, dict[str, float]] = Field(default_factory=lambda: {k: dict(v) for k, v in PRESETS.items()})
    default_preset: str = "balanced"
    competitor_policy: Literal["exclude", "penalize"] = "exclude"
    competitor_penalty: float = Field(0.5, ge=0.0, le=1.0)
    recent_posts: int = Field(12, gt=0, description="posts per creator used for signals and embedding")
    candidate_pool: int = Field(200, gt=0, description="creators retrieved before re-ranking")
    brand_pool: int = Field(1000, gt=0, description="creators retrieved before re-ranking when the brief names a "
                            "brand: its fans further down the niche list get the chance brand fit gives them")
    min_group_size: int = Field(20, gt=0, description="creators needed to judge engagement within a group")
    evidence_lines: int = Field(2, ge=0)
    inferred_min_confidence: float = Field(0.6, ge=0.0, le=1.0, description="an inferred value (a creator's "
                                           "content language) is used where the catalog has none only from "
                                           "this confidence on")
    country_min_confidence: float = Field(0.68, ge=0.0, le=1.0, description="the same for an inferred home "
                                          "country (chosen on hand-labelled Kim creators: docs/inference.md)")

    def min_confidence(self, field: str) -> float:
        """The confidence an inferred `field` ('language', 'country') needs before it is used."""
        return self.country_min_confidence if field == "country" else self.inferred_min_confidence

    @field_validator("presets")
    @classmethod
    def _known_components(cls, presets: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for name, weights in presets.items():
            unknown = set(weights) - set(COMPONENTS)
            if unknown:
                raise ValueError(f"preset '{name}' names unknown component(s) {sorted(unknown)}")
            if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
                raise ValueError(f"preset '{name}' needs non-negative weights with a positive sum")
        return presets
