"""Niche similarity between a brief and creators, from their pooled and per-text vectors.

Retrieval runs on the creator vectors (the normalized mean of a creator's text vectors); the
candidates' similarity then blends that centroid cosine with the mean of the creator's best text
cosines, so a creator whose several posts fit the niche outranks one with a single lucky caption.
Before that the query is steered towards the brief's niches in a general taxonomy and moved
towards the top results by pseudo-relevance feedback (Rocchio 1971).

One scan of the catalog serves both steps: the first search fetches `feedback_rescore_depth`
creators, its top `feedback_depth` move the query, and the moved query re-scores those creators
exactly instead of scanning the catalog a second time (the second scan was half of a Flat query's
time at 100k creators; docs/benchmarks.md measures the two against each other).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matcher.protocols import VectorSearch
from matcher.vector_rows import take_ranges, take_rows

# feedback reads at most one creator in this many of those allowed (never binds on a catalog of thousands)
FEEDBACK_POOL_SHARE = 20


@dataclass(frozen=True)
class NicheScorer:
    """How niche similarity is computed; the defaults are the measured best (docs/matching.md).

    Parameters
    ----------
    centroid_weight
        Share of the centroid cosine in the blend; the rest is the mean of the best `top_texts`
        text cosines of the creator.
    top_texts
        How many of a creator's best-matching texts are averaged.
    feedback_depth, feedback_weight
        Rocchio pseudo-relevance feedback: the query becomes q + weight * mean(top depth creator
        vectors), re-normalized; depth 0 turns it off.
    feedback_rescore_depth
        How many creators of the first search the moved query re-scores (at least the pool); 0
        searches the whole catalog again with the moved query. At 1,000 the pool of 200 agreed with
        a second full search on 99.99% of its creators and on every top 10 (90 briefs, 100k
        synthetic creators; docs/benchmarks.md).
    taxonomy, taxonomy_weight, taxonomy_temperature
        Before retrieval the brief is steered towards its niche mix in `taxonomy` ('creator', 'iab' or
        'both'; `matcher.taxonomy.steer_query`); weight 0 turns it off.
    steering_margin, steering_floor
        The gate: the brief is steered only when its best cosine with the steering taxonomy reaches
        `steering_floor` and is at most `steering_margin` below its best cosine with the IAB Content
        Taxonomy, i.e. when the list it is steered with names its niche about as well as the industry's
        full list does. An infinite margin and a floor of -1 steer always.
    sentence_temperature
        The brief's vector pools its sentences, each weighted by softmax(closeness to the taxonomy /
        temperature) (`matcher.taxonomy.pool_sentences`); None embeds the whole niche text at once.
    """

    centroid_weight: float = 1.0
    top_texts: int = 2
    feedback_depth: int = 25
    feedback_weight: float = 8.0
    feedback_rescore_depth: int = 1_000
    taxonomy: str = "creator"
    taxonomy_weight: float = 2.0
    taxonomy_temperature: float = 0.01
    steering_margin: float = 0.1
    steering_floor: float = 0.25
    sentence_temperature: float | None = 0.2

    def candidates(self, query: NDArray[np.float32], search: VectorSearch, creator_vectors: NDArray[np.float32],
                   unit_vectors: NDArray[np.float32], unit_start: NDArray[np.int64], unit_end: NDArray[np.int64],
                   pool: int, allowed: NDArray[np.bool_] | None) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """Up to `pool` allowed creator rows and their niche similarity, best first."""
        query = np.asarray(query, dtype=np.float32)
        rescored: tuple[NDArray[np.float32], NDArray[np.int64]] | None = None
        eligible = int(allowed.sum()) if allowed is not None else len(creator_vectors)
        # feedback trusts its top creators to be on the niche: in a small pool they are a large share of it
        feedback_depth = min(self.feedback_depth, max(1, eligible // FEEDBACK_POOL_SHARE))
        if self.feedback_depth > 0:
            depth = max(pool, feedback_depth, self.feedback_rescore_depth)
            _, first = search.search(query, depth if self.feedback_rescore_depth else feedback_depth, allowed)
            if len(first):
                # float16 beside compressed indexes
                top = take_rows(creator_vectors, first[:feedback_depth]).astype(np.float32)
                moved = query + self.feedback_weight * top.mean(axis=0)
                query = (moved / max(float(np.linalg.norm(moved)), 1e-12)).astype(np.float32)
                if self.feedback_rescore_depth:
                    rescored = rescore(query, np.asarray(first, dtype=np.int64), creator_vectors, pool)
        centroid_similarity, rows = rescored if rescored is not None else search.search(query, pool, allowed)
        rows = np.asarray(rows, dtype=np.int64)
        blended = centroid_similarity.astype(float)
        if self.centroid_weight < 1.0:  # per-text similarities cost a pass over every candidate's texts
            text_similarity = best_text_similarity(query, rows, unit_vectors, unit_start, unit_end, self.top_texts)
            blended = self.centroid_weight * blended + (1.0 - self.centroid_weight) * np.where(
                np.isnan(text_similarity), blended, text_similarity)
        order = np.argsort(-blended, kind="stable")
        return rows[order], blended[order]


def best_text_similarity(query: NDArray[np.float32], rows: NDArray[np.int64], unit_vectors: NDArray[np.float32],
                         unit_start: NDArray[np.int64], unit_end: NDArray[np.int64], top: int) -> NDArray[np.float64]:
    """Mean cosine of each creator's `top` best texts with the query (NaN for a creator with none)."""
    out = np.full(len(rows), np.nan)
    rows = np.asarray(rows, dtype=np.int64)
    for i, texts in enumerate(take_ranges(unit_vectors, unit_start[rows], unit_end[rows])):
        if len(texts):
            similarity = texts.astype(np.float32, copy=False) @ query
            best = np.sort(similarity)[::-1][:top]
            out[i] = float(best.mean())
    return out


def rescore(query: NDArray[np.float32], rows: NDArray[np.int64], vectors: NDArray[np.float32],
            k: int) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    """The `k` of `rows` most similar to `query` by exact inner product, best first (ties: lower row first)."""
    similarity = take_rows(vectors, rows).astype(np.float32, copy=False) @ query.astype(np.float32, copy=False)
    order = np.lexsort((rows, -similarity))[:k]
    return similarity[order], rows[order]
