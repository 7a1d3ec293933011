"""Brand fit: how close a creator already is to the brand a brief names.

Three kinds of evidence, from the catalog's brand events and the brand graph (`matcher.brand_graph`):

- past partnership: sponsored posts that tag the brand;
- organic mentions: unpaid posts that tag the brand or use its handle as a hashtag;
- fans of similar brands: the creator mentions brands that share many creators with this one.

Each post counts with a recency weight ``0.5 ** (age_days / half_life_days)`` (age against the catalog's
latest dated brand event), a sponsored post twice, and the direct part is ``1 - exp(-evidence)``: one recent organic
mention gives 0.63, two 0.86, one paid post 0.86, so more and fresher evidence saturates towards 1
(the exponential saturation of a Poisson count's chance of being non-zero).

The similar-brand part is the creator's best cosine with the brief's brand over the brands it mentions,
rescaled from `min_similarity`..1 to 0..1 and multiplied by `similar_discount` (below 1: a fan of a similar
brand ranks below a fan of the brand itself). The score is the larger of the two parts, with confidence 1
for every creator: not having tagged the brand is what the catalog says of a creator, whether it tags other
brands or none (a neutral 0.5 for creators without any tag would rank them above the fans of similar brands).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from numpy.typing import NDArray

from matcher.brand_graph import BrandGraph, creator_brand_matrix
from matcher.loyalty import BrandEvents, normalize_brand

HALF_LIFE_DAYS = 365.0
PAID_WEIGHT = 2.0
SIMILAR_DISCOUNT = 0.25
MIN_SIMILARITY = 0.5
SIMILAR_SHOWN = 2


class BrandFit(NamedTuple):
    """Brand fit of each creator (arrays aligned with the creators asked about)."""

    score: NDArray[np.float64]
    confidence: NDArray[np.float64]
    direct: NDArray[np.float64]
    similar: NDArray[np.float64]
    paid_posts: NDArray[np.int64]
    organic_posts: NDArray[np.int64]
    latest_paid: list[pd.Timestamp | None]
    latest_organic: list[pd.Timestamp | None]
    similar_brands: list[tuple[str, ...]]

    def latest(self, position: int) -> pd.Timestamp | None:
        """The newest post tagging the brand, paid or not."""
        dates = [d for d in (self.latest_paid[position], self.latest_organic[position]) if d is not None]
        return max(dates) if dates else None


@dataclass(frozen=True)
class BrandFitSettings:
    """The constants of the formula (see the module docstring)."""

    half_life_days: float = HALF_LIFE_DAYS
    paid_weight: float = PAID_WEIGHT
    similar_discount: float = SIMILAR_DISCOUNT
    min_similarity: float = MIN_SIMILARITY

    def __post_init__(self) -> None:
        if not self.half_life_days > 0 or self.paid_weight < 0 or not 0 <= self.similar_discount <= 1 \
                or not -1 <= self.min_similarity < 1:
            raise ValueError("BrandFitSettings: half_life_days > 0, paid_weight >= 0, similar_discount in 0..1 "
                             "and min_similarity in -1..1 (exclusive of 1) are needed")


@dataclass(frozen=True)
class CreatorBrands:
    """What brand fit looks up per query, prepared once per index: which graph brands each creator tags (a
    creators x brands 0/1 sparse matrix, rows by creator id) and the latest dated brand event."""

    row_of: dict[str, int]
    matrix: sparse.csr_matrix
    as_of: pd.Timestamp | None

    @classmethod
    def of(cls, events: pd.DataFrame, graph: BrandGraph) -> CreatorBrands:
        """From brand events (creator_id, brand, posted_at) and the graph whose brands are the columns."""
        matrix, ids = creator_brand_matrix(events, graph.names)
        dated = pd.to_datetime(events["posted_at"], utc=True) if len(events) else pd.Series(dtype="datetime64[ns, UTC]")
        as_of = dated.max() if dated.notna().any() else None
        return cls({str(cid): i for i, cid in enumerate(ids.tolist())}, matrix, as_of)


def recency_weights(posted_at: pd.Series, as_of: pd.Timestamp | None, half_life_days: float) -> NDArray[np.float64]:
    """0.5 ** (age in days / half life) per post; a post without a date counts as one half-life old."""
    if as_of is None or len(posted_at) == 0:
        return np.full(len(posted_at), 0.5)
    age = (as_of - pd.to_datetime(posted_at, utc=True)).dt.total_seconds().to_numpy(dtype=float) / 86_400.0
    return np.where(np.isnan(age), 0.5, 0.5 ** (np.clip(age, 0.0, None) / half_life_days))


def direct_fit(paid_weighted: NDArray[np.float64], organic_weighted: NDArray[np.float64],
               paid_weight: float = PAID_WEIGHT) -> NDArray[np.float64]:
    """1 - exp(-(paid_weight x recency-weighted paid posts + recency-weighted organic posts))."""
    return 1.0 - np.exp(-(paid_weight * np.asarray(paid_weighted, dtype=float)
                          + np.asarray(organic_weighted, dtype=float)))


def similar_fit(best_similarity: NDArray[np.float64], min_similarity: float = MIN_SIMILARITY,
                discount: float = SIMILAR_DISCOUNT) -> NDArray[np.float64]:
    """The best cosine rescaled from min_similarity..1 to 0..1 (0 below), times `discount`."""
    best = np.asarray(best_similarity, dtype=float)
    return discount * np.clip((best - min_similarity) / (1.0 - min_similarity), 0.0, 1.0)


def brand_fit(creator_ids: NDArray[Any] | list[str], brand: str, events: BrandEvents, graph: BrandGraph,
              creator_brands: CreatorBrands, settings: BrandFitSettings | None = None,
              as_of: pd.Timestamp | None = None) -> BrandFit:
    """Brand fit of the given creators with `brand` (see the module docstring).

    Parameters
    ----------
    creator_ids
        The creators to score, in the order the answer's arrays follow.
    events
        The catalog's brand events, coded (`BrandEvents.of`).
    graph, creator_brands
        The brand graph and which of its brands each creator mentions.
    as_of
        The date recency is measured from; default the latest dated brand event.
    """
    settings = settings or BrandFitSettings()
    ids = [str(cid) for cid in creator_ids]
    n = len(ids)
    key = normalize_brand(brand or "")
    paid_count = np.zeros(n, dtype=np.int64)
    organic_count = np.zeros(n, dtype=np.int64)
    paid_weighted = np.zeros(n)
    organic_weighted = np.zeros(n)
    latest_paid: list[pd.Timestamp | None] = [None] * n
    latest_organic: list[pd.Timestamp | None] = [None] * n
    similar = np.zeros(n)
    shown: list[tuple[str, ...]] = [()] * n
    if not key or n == 0:
        return BrandFit(np.zeros(n), np.zeros(n), np.zeros(n), similar, paid_count, organic_count, latest_paid,
                        latest_organic, shown)
    table = events.events
    if as_of is None:
        as_of = creator_brands.as_of
    position = {cid: i for i, cid in enumerate(ids)}
    found = events.positions([key])
    hits = table.iloc[found]
    if len(hits):
        mapped = hits["creator_id"].astype(str).map(position)
        inside = mapped.notna().to_numpy()
        hits, where = hits[inside], mapped[inside].to_numpy(dtype=np.int64)
        sponsored = events.sponsored[found][inside]
        weight = recency_weights(hits["posted_at"], as_of, settings.half_life_days)
        # one post counts once even when it tags the brand's handle and hashtag
        first = ~pd.DataFrame({"row": where, "post": hits["post_id"].astype(str).to_numpy()}).duplicated().to_numpy()
        np.add.at(paid_count, where[first & sponsored], 1)
        np.add.at(organic_count, where[first & ~sponsored], 1)
        np.add.at(paid_weighted, where[first & sponsored], weight[first & sponsored])
        np.add.at(organic_weighted, where[first & ~sponsored], weight[first & ~sponsored])
        dates = pd.to_datetime(hits["posted_at"], utc=True)
        for row, date, paid in zip(where.tolist(), dates.tolist(), sponsored.tolist(), strict=True):
            kept = latest_paid if paid else latest_organic
            seen = kept[row]
            if date is not pd.NaT and date == date and (seen is None or date > seen):
                kept[row] = date
    direct = direct_fit(paid_weighted, organic_weighted, settings.paid_weight)
    if graph.find(key) is not None and creator_brands.matrix.shape[0]:
        similarity = graph.similarity(key).astype(np.float64)
        # the brand itself and its own accounts ('zaraeurope') are direct evidence, not a similar brand
        # (the graph's names are sorted: the brand and the handles starting with it are one range)
        low = int(np.searchsorted(graph.names, key, side="left"))
        high = int(np.searchsorted(graph.names, key + "\U0010ffff", side="left")) if len(key) >= 4 else low + 1
        similarity[low:high] = -1.0
        rows = np.array([creator_brands.row_of.get(cid, -1) for cid in ids])
        present = np.flatnonzero(rows >= 0)
        if len(present):
            sub = creator_brands.matrix[rows[present]]
            indptr, indices = sub.indptr, sub.indices
            values = similarity[indices] if len(indices) else np.zeros(0)
            best = np.full(len(present), -1.0)
            filled = np.diff(indptr) > 0
            if len(values):  # each row's maximum over its own brands (rows without brands keep -1)
                best[filled] = np.maximum.reduceat(values, indptr[:-1][filled])
            similar[present] = similar_fit(best, settings.min_similarity, settings.similar_discount)
            # the brands behind the part, named only where it counts
            for i in np.flatnonzero(best > settings.min_similarity).tolist():
                columns = indices[indptr[i]: indptr[i + 1]]
                mine = similarity[columns]
                order = np.argsort(-mine, kind="stable")[:SIMILAR_SHOWN]
                shown[int(present[i])] = tuple(str(graph.names[columns[j]]) for j in order
                                               if mine[j] > settings.min_similarity)
    return BrandFit(np.maximum(direct, similar), np.ones(n), direct, similar, paid_count, organic_count, latest_paid,
                    latest_organic, shown)
