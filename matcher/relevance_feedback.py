"""Relevance feedback inside a search: the creators a marketer marked move the query (Rocchio).

q' = alpha * q + beta * mean(relevant) - gamma * mean(not relevant), re-normalized (Rocchio 1971, "Relevance
feedback in information retrieval"; the weights as Salton & Buckley 1990, "Improving retrieval performance
by relevance feedback", use them). The creators marked not relevant leave the list.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matcher.errors import BriefError

# chosen on Kim's 64 development briefs (docs/evaluation.md, "Relevance feedback"): the best grid point whose
# next larger gamma still beats no feedback; alpha + beta - gamma stays well above 0, where the query would lose
# what the relevant and not-relevant creators share and the list collapses
DEFAULT_ALPHA = 1.0
DEFAULT_BETA = 3.0
DEFAULT_GAMMA = 2.0
MAX_MARKED = 200


@dataclass(frozen=True)
class RelevanceFeedback:
    """Creators marked relevant and not relevant for one brief, and the Rocchio weights that move the query."""

    relevant: tuple[str, ...] = ()
    not_relevant: tuple[str, ...] = ()
    alpha: float = DEFAULT_ALPHA
    beta: float = DEFAULT_BETA
    gamma: float = DEFAULT_GAMMA

    def __post_init__(self) -> None:
        both = sorted(set(self.relevant) & set(self.not_relevant))
        if both:
            raise BriefError(f"{', '.join(map(repr, both))} also marked relevant", field="not_relevant")
        if len(self.relevant) + len(self.not_relevant) > MAX_MARKED:
            raise BriefError(f"at most {MAX_MARKED} creators can be marked", field="relevant")
        for name in ("alpha", "beta", "gamma"):
            value = getattr(self, name)
            if not np.isfinite(value) or value < 0:
                raise BriefError(f"must be a finite number >= 0, got {value}", field=name)

    @property
    def given(self) -> bool:
        """Whether any creator is marked."""
        return bool(self.relevant or self.not_relevant)


def rocchio(query: NDArray[np.float32], relevant: NDArray[np.float32], not_relevant: NDArray[np.float32],
            alpha: float = DEFAULT_ALPHA, beta: float = DEFAULT_BETA, gamma: float = DEFAULT_GAMMA
            ) -> NDArray[np.float32]:
    """The moved query, unit length: alpha q + beta mean(relevant) - gamma mean(not relevant) (Rocchio 1971).

    `relevant` and `not_relevant` hold one vector per row (either may have no rows). With no relevant row
    the negative term is scaled by alpha / (alpha + beta), keeping its proportion to the positive ones. A
    moved query of length zero keeps the original direction.
    """
    if query.ndim != 1 or relevant.ndim != 2 or not_relevant.ndim != 2:
        raise ValueError("rocchio: a query vector and two matrices of vectors are needed")
    moved = alpha * query.astype(np.float64)
    positive = alpha
    if len(relevant):
        moved = moved + beta * relevant.astype(np.float64).mean(axis=0)
        positive += beta
    if len(not_relevant):
        # the push away keeps its share of the pull toward: without relevant marks, gamma of alpha + beta would
        # outweigh the brief itself, cancel what every creator of the catalog shares and turn the list over
        share = positive / (alpha + beta) if alpha + beta > 0 else 1.0
        moved = moved - gamma * share * not_relevant.astype(np.float64).mean(axis=0)
    norm = float(np.linalg.norm(moved))
    if norm <= 1e-12:
        return query.astype(np.float32)
    return (moved / norm).astype(np.float32)
