"""Re-ranking: a weighted sum of 0..1 components, every part of it kept for the explanation.

A component's normalized score is shrunk towards the neutral 0.5 by its confidence,
``normalized = 0.5 + confidence * (score - 0.5)``, the usual credibility-weighted estimate
(Bühlmann 1967): a missing signal (confidence 0) is exactly neutral, never a silent zero. The total
is ``sum(weight * normalized) / sum(weight)``, so it stays within 0..1 whatever the weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from matcher.errors import BriefError
from matcher.settings import COMPONENTS, MatchSettings

NEUTRAL = 0.5


class ComponentScores(NamedTuple):
    """One component for a set of candidates: raw value, 0..1 score and confidence (arrays)."""

    raw: NDArray[np.float64]
    score: NDArray[np.float64]
    confidence: NDArray[np.float64]


class Combined(NamedTuple):
    """Totals and each component's normalized score and contribution, per candidate."""

    total: NDArray[np.float64]
    normalized: dict[str, NDArray[np.float64]]
    contribution: dict[str, NDArray[np.float64]]


def resolve_weights(settings: MatchSettings, preset: str | None, overrides: Mapping[str, float] | None) -> dict[
    str, float
]:
    """Weights of a preset with per-request overrides on top; every component gets a weight (maybe 0)."""
    name = preset or settings.default_preset
    if name not in settings.presets:
        raise BriefError(field="preset", message=f"unknown '{name}' (expected one of {', '.join(settings.presets)})")
    weights = {c: 0.0 for c in COMPONENTS}
    weights.update(settings.presets[name])
    for component, weight in (overrides or {}).items():
        if component not in COMPONENTS:
            raise BriefError(f"unknown component '{component}' (expected one of {', '.join(COMPONENTS)})",
                             field="weights")
        if not isinstance(weight, int | float) or not math.isfinite(weight) or weight < 0:
            raise BriefError(field="weights", message=f"'{component}' must be a finite number >= 0, got {weight!r}")
        weights[component] = float(weight)
    if sum(weights.values()) <= 0:
        raise BriefError(field="weights", message="at least one weight must be positive")
    return weights


def parse_weights(text: str, separator: str = ",", assign: str = "=") -> dict[str, float]:
    """`niche=0.6,engagement=0.2` (or another separator and sign) into {component: weight}; checked later."""
    weights: dict[str, float] = {}
    for part in (p.strip() for p in text.split(separator)):
        if not part:
            continue
        name, _, value = part.partition(assign)
        try:
            weights[name.strip()] = float(value)
        except ValueError:
            raise BriefError(field="weights", message=f"'{part}' is not name{assign}number") from None
    return weights


def normalize_component(score: NDArray[np.float64], confidence: NDArray[np.float64]) -> NDArray[np.float64]:
    """Score shrunk towards 0.5 by confidence; NaN (missing) becomes exactly 0.5."""
    score = np.asarray(score, dtype=float)
    confidence = np.clip(np.nan_to_num(np.asarray(confidence, dtype=float)), 0.0, 1.0)
    present = ~np.isnan(score)
    return np.where(present, NEUTRAL + confidence * (np.nan_to_num(score) - NEUTRAL), NEUTRAL)


def combine(components: Mapping[str, ComponentScores], weights: Mapping[str, float]) -> Combined:
    """Weighted mean of the normalized components (see the module docstring for the formula)."""
    total_weight = sum(weights.get(name, 0.0) for name in components)
    if total_weight <= 0:
        raise ValueError("weights of the given components sum to zero")
    normalized = {name: normalize_component(c.score, c.confidence) for name, c in components.items()}
    contribution = {name: weights.get(name, 0.0) * values / total_weight for name, values in normalized.items()}
    total = np.sum(np.vstack(list(contribution.values())), axis=0)
    return Combined(total, normalized, contribution)


def min_max(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Rescale to 0..1 over the given values (all equal -> 1); used for niche similarity in a pool."""
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return values
    low, high = float(np.min(values)), float(np.max(values))
    if high - low <= 1e-12:
        return np.ones_like(values)
    return (values - low) / (high - low)
