"""The brand graph: which brands the catalog's creators talk about, and which brands share creators.

A brand is an account that at least `min_creators` creators @-mention (or tag in a paid-partnership
field); a hashtag counts for a brand only when it spells a brand's handle ("#zara" with "@zara" in the
catalog), so that topic tags (#ootd, #travel) never become brands. Names are `normalize_brand`ed, so
"H&M", "@hm" and "#HM" are one brand.

Brand similarity is the cosine of brand vectors from a truncated SVD of the positive pointwise mutual
information (PPMI) of brand co-occurrence over creators: two brands co-occur once for each creator who tags
both, and a brand with itself once for each creator who tags it, so brands tagged by the same creators get
the same row; the context probabilities are smoothed by the exponent 0.75. PPMI with SVD is the count-based
method of Levy, Goldberg & Dagan 2015 ("Improving distributional similarity with lessons learned from word
embeddings", TACL 3); scikit-learn's `TruncatedSVD` does the factorization.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from numpy.typing import NDArray

from matcher.columns import text_in
from matcher.loyalty import normalize_brand

GRAPH_VERSION = "v3"
MIN_CREATORS = 3
DIMENSIONS = 64
SMOOTHING = 0.75  # context-distribution smoothing of PPMI (Levy et al. 2015)
SEED = 0


@dataclass(frozen=True)
class BrandGraph:
    """Brands with their creator counts and unit vectors (rows of `vectors` align with `names`)."""

    names: NDArray[np.str_]
    creators: NDArray[np.int64]
    vectors: NDArray[np.float32]

    def __post_init__(self) -> None:
        if not (len(self.names) == len(self.creators) == len(self.vectors)):
            raise ValueError("BrandGraph: names, creators and vectors must have one row per brand")

    def find(self, name: str) -> int | None:
        """Row of a brand given as written ("H&M", "@hm"), or None when the catalog does not know it."""
        key = normalize_brand(name)
        found = np.flatnonzero(self.names == key)
        return int(found[0]) if len(found) else None

    def similarity(self, name: str) -> NDArray[np.float32]:
        """Cosine of `name`'s vector with every brand's (zeros when the brand is unknown)."""
        row = self.find(name)
        if row is None or not len(self.vectors):
            return np.zeros(len(self.names), dtype=np.float32)
        return self.vectors @ self.vectors[row]

    def similar(self, name: str, k: int = 10, min_similarity: float = 0.0) -> list[tuple[str, float]]:
        """The `k` brands most like `name` (itself left out), best first, with their cosine."""
        row = self.find(name)
        if row is None:
            return []
        scores = self.similarity(name)
        scores[row] = -np.inf
        best = np.argsort(-scores, kind="stable")[:k]
        return [(str(self.names[i]), float(scores[i])) for i in best if scores[i] > min_similarity]

    def save(self, path: str | Path) -> None:
        """Write the graph as an .npz file of plain arrays (no pickled objects)."""
        np.savez(path, names=self.names.astype(str), creators=self.creators, vectors=self.vectors)

    @classmethod
    def load(cls, path: str | Path) -> BrandGraph:
        """The graph `save` wrote."""
        with np.load(path, allow_pickle=False) as arrays:
            return cls.from_arrays(arrays)

    @classmethod
    def from_arrays(cls, arrays: Any) -> BrandGraph:
        """The graph `save` wrote (as the arrays `np.load` reads)."""
        return cls(np.asarray(arrays["names"]).astype(str), np.asarray(arrays["creators"], dtype=np.int64),
                   np.asarray(arrays["vectors"], dtype=np.float32))


def brand_names(events: pd.DataFrame, min_creators: int = MIN_CREATORS) -> NDArray[np.str_]:
    """Names @-mentioned by at least `min_creators` distinct creators, sorted."""
    if events.empty:
        return np.zeros(0, dtype=str)
    mentions = events[events["source"] == "mention"]
    counts = mentions.groupby("brand")["creator_id"].nunique()
    return np.sort(counts[counts >= min_creators].index.to_numpy(dtype=str))


def creator_brand_matrix(events: pd.DataFrame, names: NDArray[np.str_]) -> tuple[sparse.csr_matrix, NDArray[Any]]:
    """Creator x brand 0/1 matrix (a creator mentioned the brand at least once) and the creator ids of its rows."""
    known = events[text_in(events["brand"], names.tolist())]
    creators, creator_codes = np.unique(known["creator_id"].to_numpy(dtype=str), return_inverse=True)
    brand_codes = np.searchsorted(names, known["brand"].to_numpy(dtype=str))
    matrix = sparse.csr_matrix((np.ones(len(known), dtype=np.float32), (creator_codes.reshape(-1), brand_codes)),
                               shape=(len(creators), len(names)))
    matrix.data[:] = 1.0  # duplicates summed by the constructor: presence is what counts
    return matrix, creators


def ppmi(counts: sparse.csr_matrix, smoothing: float = SMOOTHING) -> sparse.csr_matrix:
    """Positive PMI of a rows x contexts count matrix, with smoothed context probabilities (Levy et al. 2015).

    PMI(r, c) = log( P(r, c) / (P(r) P_s(c)) ), P_s(c) = count(c)^s / sum count^s; negatives become 0.
    """
    matrix = sparse.csr_matrix(counts, dtype=np.float64)
    matrix.eliminate_zeros()
    total = matrix.sum()
    if total <= 0:
        return sparse.csr_matrix(matrix.shape, dtype=np.float64)
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    context = np.asarray(matrix.sum(axis=0)).ravel() ** smoothing
    context = context / context.sum()
    coo = matrix.tocoo()
    values = np.log((coo.data / total) / ((row_sums[coo.row] / total) * context[coo.col]))
    keep = values > 0
    return sparse.csr_matrix((values[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)


class BrandCounts(NamedTuple):
    """What a brand graph is fitted from: the brand names and their creator co-occurrence counts."""

    names: NDArray[np.str_]
    cooccurrence: sparse.csr_matrix  # brand x brand; the diagonal is each brand's number of creators


def brand_counts(events: pd.DataFrame, min_creators: int = MIN_CREATORS) -> BrandCounts:
    """The brands of `events` and how many creators tag each pair of them (`brand_events` rows)."""
    names = brand_names(events, min_creators)
    if len(names) == 0:
        return BrandCounts(names, sparse.csr_matrix((0, 0), dtype=np.float32))
    matrix, _ = creator_brand_matrix(events, names)
    return BrandCounts(names, sparse.csr_matrix(matrix.T @ matrix))


def fit_brand_graph(counts: BrandCounts, dimensions: int = DIMENSIONS) -> BrandGraph:
    """The brand graph fitted from co-occurrence counts: PPMI, then a truncated SVD into unit vectors."""
    names = counts.names
    if len(names) == 0:
        return BrandGraph(names, np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32))
    creators = np.rint(counts.cooccurrence.diagonal()).astype(np.int64)
    # brand x brand co-occurrence, the diagonal kept (a brand's own creators): without it two brands tagged by
    # exactly the same creators, and by no third brand's, would share no context and look unrelated
    weights = ppmi(counts.cooccurrence)
    rank = min(dimensions, len(names) - 1)
    if rank < 1 or weights.nnz == 0:
        vectors = np.eye(len(names), dtype=np.float32)  # nothing to factor: every brand only like itself
    else:
        from sklearn.decomposition import TruncatedSVD  # only a build fits the graph

        vectors = TruncatedSVD(n_components=rank, random_state=SEED).fit_transform(weights).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return BrandGraph(names, creators, vectors)


def build_brand_graph(events: pd.DataFrame, min_creators: int = MIN_CREATORS,
                      dimensions: int = DIMENSIONS) -> BrandGraph:
    """The brand graph of a catalog's brand events (`brand_events`: creator_id, brand, source, ...)."""
    return fit_brand_graph(brand_counts(events, min_creators), dimensions)


def brand_niches(events: pd.DataFrame, graph: BrandGraph, niche_of_creator: dict[str, str]) -> dict[str, str]:
    """Each graph brand's niche: the most common first niche tag of the creators who mention it."""
    known = events[text_in(events["brand"], graph.names.tolist())][["brand", "creator_id"]].drop_duplicates()
    known = known.assign(niche=known["creator_id"].astype(str).map(niche_of_creator)).dropna(subset=["niche"])
    if known.empty:
        return {}
    counts = known.groupby(["brand", "niche"]).size().reset_index(name="creators")
    best = counts.sort_values(["brand", "creators", "niche"], ascending=[True, False, True]).drop_duplicates("brand")
    return dict(zip(best["brand"].astype(str), best["niche"].astype(str), strict=True))


def own_account(name: str, brand: str) -> bool:
    """Whether `name` is `brand` or one of its accounts: a name of 4 characters or more that it starts with
    ('zaraeurope' for Zara), the rule brand lookups use."""
    return name == brand or (len(brand) >= 4 and name.startswith(brand))


def suggest_competitors(graph: BrandGraph, name: str, niches: dict[str, str], k: int = 3,
                        min_similarity: float = 0.6, exclude: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """Likely competitors of `name`: the most similar brands whose creators share its niche, its own accounts
    ('zaraeurope' for Zara) and `exclude` left out."""
    key = normalize_brand(name)
    niche = niches.get(key)
    if niche is None:
        return []
    left_out = {normalize_brand(e) for e in exclude}
    out = []
    for other, similarity in graph.similar(key, k=50, min_similarity=min_similarity):
        if own_account(other, key) or own_account(key, other) or other in left_out or niches.get(other) != niche:
            continue
        out.append((other, similarity))
        if len(out) == k:
            break
    return out


def graph_key(counts: BrandCounts, dimensions: int = DIMENSIONS) -> str:
    """A digest of everything a graph is fitted from: the brand names and their co-occurrence counts, the
    parameters, `GRAPH_VERSION` and scikit-learn's version. Equal keys give equal graphs, so a build can reuse
    the last fit; posts that change no count (new captions, hashtags that spell no brand) keep the key."""
    try:
        library = metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        library = "?"
    digest = hashlib.sha256(f"{GRAPH_VERSION}|{dimensions}|{SMOOTHING}|{SEED}|{library}|".encode())
    digest.update("\n".join(counts.names.tolist()).encode("utf-8", "surrogatepass") + b"\0")
    canonical = counts.cooccurrence.tocsr(copy=True)  # the fit reads the product as it came, the key a sorted copy
    canonical.sum_duplicates()
    canonical.sort_indices()
    for part in (canonical.indptr.astype(np.int64), canonical.indices.astype(np.int64),
                 np.rint(canonical.data).astype(np.int64)):
        digest.update(part.tobytes())
    return digest.hexdigest()[:32]
