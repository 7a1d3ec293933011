"""Baselines the engine must beat: plain cosine, BM25 over the same texts, a random ranking, and BM25 fused
with the engine."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
from numpy.typing import NDArray

from matcher.protocols import VectorSearch


class BM25Ranker:
    """BM25 (Robertson & Zaragoza 2009, via bm25s) over one document per creator."""

    def __init__(self, documents: Sequence[str]) -> None:
        self._size = len(documents)
        self._retriever = bm25s.BM25()
        tokens = bm25s.tokenize(list(documents), stopwords="en", show_progress=False)
        self._retriever.index(tokens, show_progress=False)

    def scores(self, query: str) -> NDArray[np.float64]:
        """BM25 score of every document for the query."""
        tokens = bm25s.tokenize([query], stopwords="en", show_progress=False, return_ids=False)[0]
        if not tokens:
            return np.zeros(self._size)
        return np.asarray(self._retriever.get_scores(tokens), dtype=float)

    def rank(self, query: str, k: int, allowed: NDArray[np.bool_]) -> NDArray[np.int64]:
        """Rows of the k best-scoring allowed documents with a positive score, best first."""
        scores = np.where(allowed, self.scores(query), -np.inf)
        order = np.argsort(-scores, kind="stable")[:k]
        return order[np.isfinite(scores[order]) & (scores[order] > 0)]


def cosine_ranking(query: NDArray[np.float32], search: VectorSearch, k: int,
                   allowed: NDArray[np.bool_]) -> NDArray[np.int64]:
    """Rows of the k allowed creators whose centroid is closest to the brief's vector: no steering, no feedback.

    What the engine's extra steps (taxonomy steering, pseudo-relevance feedback, signals) are measured against.
    """
    _, rows = search.search(np.asarray(query, dtype=np.float32), k, allowed)
    return np.asarray(rows, dtype=np.int64)


def random_ranking(allowed: NDArray[np.bool_], k: int, rng: np.random.Generator) -> NDArray[np.int64]:
    """k allowed rows in random order: the floor every ranking must clear."""
    rows = np.flatnonzero(allowed)
    return rng.permutation(rows)[:k]


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: int, constant: float = 60.0) -> list[int]:
    """Fuse rankings by sum of 1 / (constant + rank) (Cormack, Clarke & Büttcher, SIGIR 2009)."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, row in enumerate(ranking, start=1):
            fused[int(row)] = fused.get(int(row), 0.0) + 1.0 / (constant + rank)
    return [row for row, _ in sorted(fused.items(), key=lambda item: (-item[1], item[0]))][:k]
