"""Hard filters as a boolean mask over the creator table, applied inside the vector search."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brief import Filters
from matcher.settings import TierThresholds
from matcher.tiers import assign_tiers

_CATEGORIES = ("platform", "country", "language")


@dataclass(frozen=True)
class FilterColumns:
    """The creator columns the filters read, prepared once per index version.

    Text columns are coded (distinct values and a code per creator), so a filter compares a few
    distinct values instead of every creator's string: `isin` over 100k text cells cost milliseconds
    per brief and per filtered column.
    """

    creator_ids: pd.Index
    followers: NDArray[np.float64]
    trust: NDArray[np.float64]
    price: NDArray[np.float64]
    categories: dict[str, tuple[NDArray[np.object_], NDArray[np.intp]]]

    @classmethod
    def of(cls, creators: pd.DataFrame) -> FilterColumns:
        """Prepare the filtered columns of a creator table."""
        categories = {}
        for name in _CATEGORIES:
            codes, values = pd.factorize(creators[name], use_na_sentinel=True)
            categories[name] = (np.asarray(values, dtype=object), np.asarray(codes, dtype=np.intp))
        return cls(pd.Index(creators["creator_id"]), creators["followers"].to_numpy(dtype=float),
                   creators["trust_score"].to_numpy(dtype=float), creators["price_per_post"].to_numpy(dtype=float),
                   categories)

    def _in(self, name: str, wanted: Collection[str]) -> NDArray[np.bool_]:
        values, codes = self.categories[name]
        # one flag per distinct value, and a last False that a missing value's code -1 picks
        chosen = np.append(np.isin(values, list(wanted)), False)
        return chosen[codes]

    def mask(self, filters: Filters, tiers: TierThresholds, excluded_ids: Collection[str] = ()) -> NDArray[np.bool_]:
        """True for each creator that passes every set filter (the rules of `allowed_mask`)."""
        mask = np.ones(len(self.followers), dtype=bool)
        if filters.platforms:
            mask &= self._in("platform", filters.platforms)
        if filters.min_followers is not None:
            mask &= self.followers >= filters.min_followers
        if filters.max_followers is not None:
            mask &= self.followers <= filters.max_followers
        if filters.tiers:
            mask &= np.isin(assign_tiers(self.followers, tiers), list(filters.tiers))
        if filters.countries:
            mask &= self._in("country", filters.countries)
        if filters.languages:
            mask &= self._in("language", filters.languages)
        if filters.min_trust is not None:
            mask &= np.nan_to_num(self.trust, nan=-1.0) >= filters.min_trust
        if filters.budget is not None:
            mask &= np.isnan(self.price) | (self.price <= filters.budget)
        if excluded_ids:
            rows = self.creator_ids.get_indexer(pd.Index(list(set(excluded_ids))))
            mask[rows[rows >= 0]] = False
        return mask


def allowed_mask(creators: pd.DataFrame, filters: Filters, tiers: TierThresholds,
                 excluded_ids: Collection[str] = ()) -> NDArray[np.bool_]:
    """True for each creator that passes every set filter.

    A creator whose value for a filtered field is unknown (no country, no trust score) does not
    pass that filter; an unknown price passes a budget (the result is flagged instead).
    """
    return FilterColumns.of(creators).mask(filters, tiers, excluded_ids)
