"""Hard filters as a boolean mask over the creator table, applied inside the vector search.

Each filter also reports what it did (`FilterEffect`): how many creators it leaves out, and how many of
those only because the catalog does not know the value, so a short or empty answer explains itself.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.briefs import Filters
from matcher.creator_ids import CreatorIds
from matcher.inferred import INFERRED_FIELDS, effective_values
from matcher.mixes import parsed_mix
from matcher.safety import TOPICS as SENSITIVE_TOPICS
from matcher.settings import TierThresholds
from matcher.tiers import assign_tiers

_CATEGORIES = ("platform", "country", "language")


# why a creator's value for a field is unknown, where "the <field> is unknown" does not say it
_UNKNOWN_REASONS = {"safety": "they have no caption to read"}


@dataclass(frozen=True)
class FilterEffect:
    """What one filter did to the catalog: the creators it leaves out and why."""

    filter: str
    value: Any
    removes: int
    unknown: int  # of `removes`, creators left out only because their value is unknown
    catalog: int  # creators in the catalog
    field: str | None = None  # the catalog field whose unknown values the policy decides (country, ...)
    policy: str | None = None  # include or exclude unknown values
    unknown_total: int = 0  # creators whose value for `field` is unknown, whatever the policy

    def describe(self) -> str:
        """One line: 'countries DE removes 120 of 200 creators (80 only because the country is unknown)'."""
        shown = ", ".join(map(str, self.value)) if isinstance(self.value, (list, tuple)) else str(self.value)
        line = f"{self.filter} {shown} removes {self.removes:,} of {self.catalog:,} creators"
        if self.field and self.unknown:
            reason = _UNKNOWN_REASONS.get(self.field, f"the {self.field} is unknown")
            line += (f" ({self.unknown:,} only because {reason}: {self.field} unknown for "
                     f"{self.unknown_total:,} of {self.catalog:,} creators; unknown {self.field}=include keeps them)")
        elif self.field and self.policy == "include" and self.unknown_total:
            line += f" (keeps the {self.unknown_total:,} whose {self.field} is unknown)"
        return line

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"filter": self.filter, "value": value, "removes": self.removes, "unknown": self.unknown,
                "catalog": self.catalog, "field": self.field, "policy": self.policy,
                "unknown_total": self.unknown_total, "message": self.describe()}


@dataclass(frozen=True)
class FilterColumns:
    """The creator columns the filters read, prepared once per index version.

    Text columns are coded (distinct values and a code per creator), so a filter compares a few
    distinct values instead of every creator's string: `isin` over 100k text cells cost milliseconds
    per brief and per filtered column.
    """

    creator_ids: CreatorIds
    followers: NDArray[Any]  # the table's own numbers (a view of the mapped column), int or float
    trust: NDArray[np.float64]
    price: NDArray[np.float64]
    categories: dict[str, tuple[NDArray[np.object_], NDArray[np.signedinteger[Any]]]]  # values, codes
    niche_rows: dict[str, NDArray[np.int64]]  # the creators tagged with each niche
    untagged: NDArray[np.bool_]  # creators with no niche tag (no text close enough to any niche)
    sensitive_rows: NDArray[np.int64]  # the creators with a share of any sensitive topic (few: most have none)
    sensitive: NDArray[np.float32]  # their share of recent captions per topic (rows: sensitive_rows; columns:
    # safety.TOPICS); a matrix of every creator would be 48 bytes a creator, nearly all zeros
    unread: NDArray[np.bool_]  # creators with no caption read for sensitive content

    @classmethod
    def of(cls, creators: pd.DataFrame, inferred_min_confidence: float | Mapping[str, float] = 1.1) -> FilterColumns:
        """Prepare the filtered columns of a creator table.

        The language and country columns are the catalog's, completed by the inferred content language
        and home country where the catalog has none and the inference is at least `inferred_min_confidence`
        sure (one number for both, or one per field; above 1: never).
        """
        inferred = {given: (guess, sure) for given, guess, sure in INFERRED_FIELDS if guess in creators.columns}
        categories = {}
        for name in _CATEGORIES:
            column = creators[name]
            if name in inferred:
                guess, sure = inferred[name]
                needed = (inferred_min_confidence.get(name, 1.1) if isinstance(inferred_min_confidence, Mapping)
                          else inferred_min_confidence)
                column = pd.Series(effective_values(
                    creators[name].tolist(), creators[guess].tolist(), creators[sure].to_numpy(dtype=float),
                    needed), index=creators.index, dtype=object)
            codes, values = pd.factorize(column, use_na_sentinel=True)
            categories[name] = (np.asarray(values, dtype=object), _narrowest(np.asarray(codes), len(values)))
        tagged, untagged = _niche_columns(creators)
        sensitive_rows, sensitive, unread = _sensitive_columns(creators)
        return cls(CreatorIds(creators["creator_id"]), _numbers(creators["followers"]),
                   creators["trust_score"].to_numpy(dtype=float), creators["price_per_post"].to_numpy(dtype=float),
                   categories, tagged, untagged, sensitive_rows, sensitive, unread)

    def _in(self, name: str, wanted: Collection[str]) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
        """Creators whose coded value is among `wanted`, and creators whose value is unknown."""
        values, codes = self.categories[name]
        known = np.array([isinstance(v, str) and v.strip() != "" for v in values], dtype=bool)
        # one flag per distinct value, and a last entry that a missing value's code -1 picks
        chosen = np.append(np.isin(values, list(wanted)) & known, False)
        unknown = np.append(~known, True)
        return chosen[codes], unknown[codes]

    def parts(self, filters: Filters, tiers: TierThresholds, excluded_ids: Collection[str] = (),
              ) -> list[tuple[str, Any, NDArray[np.bool_], NDArray[np.bool_] | None, str | None]]:
        """Each set filter as (name, value, passes, unknown or None, catalog field of the unknown policy)."""
        parts: list[tuple[str, Any, NDArray[np.bool_], NDArray[np.bool_] | None, str | None]] = []
        if filters.platforms:
            passes, _ = self._in("platform", filters.platforms)
            parts.append(("platforms", filters.platforms, passes, None, None))
        if filters.min_followers is not None:
            parts.append(("min_followers", filters.min_followers, self.followers >= filters.min_followers, None, None))
        if filters.max_followers is not None:
            parts.append(("max_followers", filters.max_followers, self.followers <= filters.max_followers, None, None))
        if filters.tiers:
            passes = np.isin(assign_tiers(self.followers, tiers), list(filters.tiers))
            parts.append(("tiers", filters.tiers, passes, None, None))
        for name, column, field in (("countries", "country", "country"), ("languages", "language", "language")):
            wanted = getattr(filters, name)
            if wanted:
                passes, unknown = self._in(column, wanted)
                parts.append((name, wanted, passes | (unknown & (filters.policy(field) == "include")), unknown,
                              field))
        if filters.niches:
            passes = np.zeros(len(self.followers), dtype=bool)
            for niche in filters.niches:
                passes[self.niche_rows.get(niche, np.zeros(0, dtype=np.int64))] = True
            parts.append(("niches", filters.niches, passes, self.untagged, None))
        if filters.max_sensitive_share is not None:
            columns = [SENSITIVE_TOPICS.index(topic) for topic in filters.screened_topics]
            worst = np.zeros(len(self.followers), dtype=np.float32)
            if columns:
                worst[self.sensitive_rows] = self.sensitive[:, columns].max(axis=1)
            passes = (~self.unread & (worst <= filters.max_sensitive_share)) | (
                self.unread & (filters.policy("safety") == "include"))
            parts.append(("max_sensitive_share", filters.max_sensitive_share, passes, self.unread, "safety"))
        if filters.min_trust is not None:
            unknown = np.isnan(self.trust)
            passes = (~unknown & (np.nan_to_num(self.trust, nan=-1.0) >= filters.min_trust)) | (
                unknown & (filters.policy("trust") == "include"))
            parts.append(("min_trust", filters.min_trust, passes, unknown, "trust"))
        for name in ("max_price_per_post", "campaign_budget"):
            cap = getattr(filters, name)
            if cap is not None:
                unknown = np.isnan(self.price)
                passes = (~unknown & (np.nan_to_num(self.price, nan=np.inf) <= cap)) | (
                    unknown & (filters.policy("price") == "include"))
                parts.append((name, cap, passes, unknown, "price"))
        if excluded_ids:
            passes = np.ones(len(self.followers), dtype=bool)
            rows = self.creator_ids.rows(set(excluded_ids))
            passes[rows[rows >= 0]] = False
            parts.append(("competitors", filters.competitors, passes, None, None))
        return parts

    def mask(self, filters: Filters, tiers: TierThresholds, excluded_ids: Collection[str] = ()) -> NDArray[np.bool_]:
        """True for each creator that passes every set filter (the rules of `allowed_mask`)."""
        mask = np.ones(len(self.followers), dtype=bool)
        for _, _, passes, _, _ in self.parts(filters, tiers, excluded_ids):
            mask &= passes
        return mask

    def effects(self, filters: Filters, tiers: TierThresholds,
                excluded_ids: Collection[str] = ()) -> tuple[FilterEffect, ...]:
        """What each set filter does on its own: creators it removes, and how many only for an unknown value."""
        total = len(self.followers)
        out = []
        for name, value, passes, unknown, field in self.parts(filters, tiers, excluded_ids):
            removed = ~passes
            unknown_removed = int((removed & unknown).sum()) if unknown is not None else 0
            out.append(FilterEffect(name, value, int(removed.sum()), unknown_removed, total, field,
                                    filters.policy(field) if field else None,
                                    int(unknown.sum()) if unknown is not None else 0))
        return tuple(out)


def _narrowest(codes: NDArray[np.signedinteger[Any]], distinct: int) -> NDArray[np.signedinteger[Any]]:
    """Codes (-1 for a missing value) in the smallest signed integer type that holds `distinct` values: a byte a
    creator for a column of a few values, not the 8 of `factorize`'s codes."""
    for dtype in (np.int8, np.int16, np.int32):
        if distinct <= np.iinfo(dtype).max:
            return codes.astype(dtype)
    return codes


def _niche_columns(creators: pd.DataFrame) -> tuple[dict[str, NDArray[np.int64]], NDArray[np.bool_]]:
    """The creators tagged with each niche (row positions), and the creators with no tag."""
    if "niche_tags" not in creators.columns:
        return {}, np.ones(len(creators), dtype=bool)
    tags = pd.Series(creators["niche_tags"].to_numpy(dtype=object)).explode().dropna()
    tagged = {str(tag): rows.to_numpy(dtype=np.int64) for tag, rows in tags.index.to_series().groupby(tags.to_numpy())}
    untagged = np.ones(len(creators), dtype=bool)
    untagged[tags.index.to_numpy(dtype=np.int64)] = False
    return tagged, untagged


def _sensitive_columns(creators: pd.DataFrame) -> tuple[NDArray[np.int64], NDArray[np.float32], NDArray[np.bool_]]:
    """The creators with a sensitive-topic share, their shares as a matrix (those creators x topics), and the
    creators with no caption read."""
    if "sensitive_shares" not in creators.columns:
        return (np.zeros(0, dtype=np.int64), np.zeros((0, len(SENSITIVE_TOPICS)), dtype=np.float32),
                np.ones(len(creators), dtype=bool))
    stored = creators["sensitive_shares"]
    present = np.flatnonzero(stored.notna().to_numpy(dtype=bool))  # most creators have none
    parsed = [parsed_mix(value) for value in stored.iloc[present]]
    kept = [i for i, by_topic in enumerate(parsed) if by_topic]
    rows = present[kept]
    shares = np.zeros((len(rows), len(SENSITIVE_TOPICS)), dtype=np.float32)
    for i, by_topic in enumerate(parsed[k] for k in kept):
        for topic, share in by_topic.items():
            shares[i, SENSITIVE_TOPICS.index(topic)] = share
    return rows.astype(np.int64), shares, creators["sensitive_confidence"].to_numpy(dtype=float) <= 0


def _numbers(column: pd.Series) -> NDArray[Any]:
    """A number column as its own numpy array (a view of the mapped table: no copy), other values as floats."""
    values = column.to_numpy()
    return values if values.dtype.kind in "iuf" else values.astype(float)


def allowed_mask(creators: pd.DataFrame, filters: Filters, tiers: TierThresholds,
                 excluded_ids: Collection[str] = ()) -> NDArray[np.bool_]:
    """True for each creator that passes every set filter.

    A creator whose value for a filtered field is unknown (no country, no trust score) does not pass
    that filter unless the filter's unknown policy is include; an unknown price passes a price cap by
    default (the result is flagged and the price estimated instead).
    """
    return FilterColumns.of(creators).mask(filters, tiers, excluded_ids)
