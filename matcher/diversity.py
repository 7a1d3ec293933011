"""Maximal marginal relevance: a shortlist that is relevant without filling up with near-duplicates."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray


def mmr_order(relevance: ArrayLike, similarity: ArrayLike, trade_off: float, k: int) -> NDArray[np.int64]:
    """Positions of the k items picked by maximal marginal relevance, in the order picked.

    Carbonell & Goldstein (1998): each step takes
    ``argmax_i  trade_off * relevance_i - (1 - trade_off) * max_{j picked} similarity_ij``
    among the items not yet picked (the first step takes the most relevant). `trade_off` 1 is the
    plain ranking by relevance, 0 picks for novelty alone; ties go to the earlier position.

    Parameters
    ----------
    relevance
        Score of each item (higher is better).
    similarity
        (items x items) similarity matrix, e.g. cosine of content vectors.
    trade_off
        lambda in 0..1.
    k
        How many to pick (at most the number of items).
    """
    score = np.asarray(relevance, dtype=float)
    sim = np.asarray(similarity, dtype=float)
    n = len(score)
    if score.ndim != 1 or np.any(~np.isfinite(score)):
        raise ValueError("relevance: needs finite numbers, one per item")
    if sim.shape != (n, n) or np.any(~np.isfinite(sim)):
        raise ValueError(f"similarity: needs a finite ({n} x {n}) matrix")
    if math.isnan(trade_off) or not 0.0 <= trade_off <= 1.0:
        raise ValueError(f"diversity: lambda must be within 0..1, got {trade_off}")
    if k < 0:
        raise ValueError(f"k: must be >= 0, got {k}")
    picked: list[int] = []
    closest = np.full(n, -np.inf)
    available = np.ones(n, dtype=bool)
    for _ in range(min(k, n)):
        redundancy = np.where(np.isfinite(closest), closest, 0.0)
        marginal = trade_off * score - (1.0 - trade_off) * redundancy
        best = int(np.argmax(np.where(available, marginal, -np.inf)))
        picked.append(best)
        available[best] = False
        closest = np.maximum(closest, sim[:, best])
    return np.asarray(picked, dtype=np.int64)
