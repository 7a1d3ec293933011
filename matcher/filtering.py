"""Hard filters as a boolean mask over the creator table, applied inside the vector search."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brief import Filters
from matcher.settings import TierThresholds
from matcher.tiers import assign_tiers


def allowed_mask(creators: pd.DataFrame, filters: Filters, tiers: TierThresholds,
                 excluded_ids: Collection[str] = ()) -> NDArray[np.bool_]:
    """True for each creator that passes every set filter.

    A creator whose value for a filtered field is unknown (no country, no trust score) does not
    pass that filter; an unknown price passes a budget (the result is flagged instead).
    """
    mask = np.ones(len(creators), dtype=bool)
    followers = creators["followers"].to_numpy(dtype=float)
    if filters.platforms:
        mask &= creators["platform"].isin(filters.platforms).to_numpy()
    if filters.min_followers is not None:
        mask &= followers >= filters.min_followers
    if filters.max_followers is not None:
        mask &= followers <= filters.max_followers
    if filters.tiers:
        mask &= np.isin(assign_tiers(followers, tiers), list(filters.tiers))
    if filters.countries:
        mask &= creators["country"].isin(filters.countries).to_numpy()
    if filters.languages:
        mask &= creators["language"].isin(filters.languages).to_numpy()
    if filters.min_trust is not None:
        mask &= np.nan_to_num(creators["trust_score"].to_numpy(dtype=float), nan=-1.0) >= filters.min_trust
    if filters.budget is not None:
        price = creators["price_per_post"].to_numpy(dtype=float)
        mask &= np.isnan(price) | (price <= filters.budget)
    if excluded_ids:
        mask &= ~creators["creator_id"].isin(set(excluded_ids)).to_numpy()
    return mask
