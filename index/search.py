"""Inner-product search with FAISS (flat, HNSW or IVF-PQ by factory string), filters applied inside the search."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from numpy.typing import NDArray

from matcher import CreatorMatchError

FLAT = "Flat"
DEFAULT_TRAIN_SAMPLE = 100_000
DEFAULT_EF_SEARCH = 128
DEFAULT_NPROBE = 16
# IVF lists probed per query, as a share of nlist: 1/32 (64 of 2048) found the exact top 10 for 30 of 30
# briefs at 1M synthetic creators, 1/64 for 0.967 of them (docs/benchmarks.md)
NPROBE_SHARE = 1 / 32
# approximate indexes fetch this many times k candidates, then re-score them exactly
DEFAULT_OVERSAMPLE = 4
# below this many allowed rows an exact scan of just those rows is cheaper than a filtered graph/IVF walk,
# and it cannot miss any of them
EXACT_SUBSET_LIMIT = 20_000
# OpenMP threads of a single-query search (training uses every core); see docs/benchmarks.md
SEARCH_THREADS = 1


class IndexTypeError(CreatorMatchError):
    """A FAISS factory string that cannot be built for this catalog."""


class FaissSearch:
    """A `VectorSearch` over any FAISS inner-product index; allowed rows are passed as a bitmap selector.

    A flat index is exact. For an approximate index (HNSW, IVF-PQ, ...) the search asks FAISS for
    `oversample * k` candidates and re-scores them with the exact vectors, so the order of what is
    returned is always exact; a filter that leaves few rows is answered by an exact scan of those rows.

    Parameters
    ----------
    index
        A FAISS index whose row i is creator row i (no id map).
    vectors
        The exact unit vectors (needed for re-scoring approximate indexes; a flat index has them).
    """

    def __init__(self, index: faiss.Index, vectors: NDArray[np.float32] | None = None,
                 oversample: int = DEFAULT_OVERSAMPLE, exact_subset_limit: int = EXACT_SUBSET_LIMIT) -> None:
        self._index = index
        self.oversample = oversample
        self.exact_subset_limit = exact_subset_limit
        self.exact = _is_flat(index)
        if vectors is None:
            if not self.exact:
                raise IndexTypeError("an approximate index needs the exact vectors for re-scoring")
            vectors = flat_storage(index)
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if self._vectors.shape != (int(index.ntotal), int(index.d)):
            raise IndexTypeError(f"vectors of shape {self._vectors.shape} do not fit an index of "
                                 f"{index.ntotal} x {index.d}")

    @classmethod
    def from_vectors(cls, vectors: NDArray[np.float32], index_type: str = FLAT, *,
                     train_sample: int = DEFAULT_TRAIN_SAMPLE, seed: int = 0) -> FaissSearch:
        """An inner-product index of `index_type` (a FAISS factory string) over the given unit vectors.

        Parameters
        ----------
        index_type
            "Flat" (exact), or e.g. "HNSW32", "IVF1024,PQ32", "IVF4096,Flat": any string
            `faiss.index_factory` accepts.
        train_sample
            Indexes that need training (IVF, PQ) are trained on at most this many vectors, drawn at random.
        """
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dimension = vectors.shape[1]
        try:
            index = faiss.index_factory(dimension, index_type, faiss.METRIC_INNER_PRODUCT)
        except RuntimeError as exc:
            raise IndexTypeError(f"index type '{index_type}' is not a FAISS factory string FAISS can build "
                                 f"({str(exc).strip().splitlines()[-1][:160]})") from None
        if not index.is_trained:
            needed = _training_minimum(index)
            if len(vectors) < needed:
                raise IndexTypeError(f"index type '{index_type}' needs at least {needed} vectors to train; "
                                     f"the catalog has {len(vectors)} (use a smaller nlist, or Flat)")
            rng = np.random.default_rng(seed)
            sample = vectors if len(vectors) <= train_sample else vectors[
                np.sort(rng.choice(len(vectors), train_sample, replace=False))]
            faiss.omp_set_num_threads(os.cpu_count() or 1)  # searches set 1; training uses every core
            index.train(sample)
        index.add(vectors)
        _set_search_defaults(index)
        return cls(index, vectors)

    @classmethod
    def load(cls, path: str | Path, vectors: NDArray[np.float32] | None = None) -> FaissSearch:
        """Read an index written by `save` (an approximate one needs its exact vectors)."""
        return cls(faiss.read_index(str(path)), vectors)

    @classmethod
    def open(cls, path: str | Path, vectors_path: str | Path) -> FaissSearch:
        """Read an index and its exact vectors keeping one copy in memory (the `.npy` file is only mapped).

        A flat index is its own exact vectors, so the file is not read; an approximate index maps it
        read-only, and re-scoring pages in just the rows it touches.
        """
        index = faiss.read_index(str(path))
        if _is_flat(index) or not Path(vectors_path).exists():
            return cls(index)
        return cls(index, np.load(vectors_path, mmap_mode="r", allow_pickle=False))

    def save(self, path: str | Path) -> None:
        """Write the index to one file."""
        faiss.write_index(self._index, str(path))

    @property
    def size(self) -> int:
        """Number of vectors in the index."""
        return int(self._index.ntotal)

    @property
    def dimension(self) -> int:
        """Vector dimension."""
        return int(self._index.d)

    @property
    def index_type(self) -> str:
        """Class name of the FAISS index (IndexFlatIP, IndexHNSWFlat, IndexIVFPQ, ...)."""
        return type(faiss.downcast_index(self._index)).__name__

    def vectors(self) -> NDArray[np.float32]:
        """All stored exact vectors, row i for creator row i."""
        return self._vectors

    def search(self, query: NDArray[np.float32], k: int,
               allowed: NDArray[np.bool_] | None = None) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        """The k rows most similar to `query` among the allowed ones, best first."""
        if k <= 0 or self.size == 0:
            return _empty()
        query = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        if allowed is not None:
            allowed = np.asarray(allowed, dtype=bool)
            if allowed.shape != (self.size,):
                raise ValueError(f"allowed mask has shape {allowed.shape}, expected ({self.size},)")
            count = int(allowed.sum())
            if count == 0:
                return _empty()
            if count == self.size:
                allowed = None
            elif not self.exact and count <= max(self.exact_subset_limit, k * self.oversample):
                return self._exact_subset(query[0], np.flatnonzero(allowed), k)
        available = self.size if allowed is None else int(allowed.sum())
        k = min(k, available)
        fetch = k if self.exact else min(available, k * self.oversample)
        # one query at a time: OpenMP's fan-out costs more than it saves (4x slower measured on 2 busy cores)
        faiss.omp_set_num_threads(SEARCH_THREADS)
        share = available / self.size
        breadth = 1.0
        while True:
            params, keep_alive = _search_parameters(self._index, allowed, breadth / share)
            similarities, rows = self._index.search(query, fetch, params=params)
            del keep_alive
            found = rows[0][rows[0] >= 0].astype(np.int64)
            # an IVF probe of too few lists for the filter or for `fetch` comes back short: probe 4x more
            if self.exact or len(found) >= fetch or not _can_widen(self._index, breadth / share):
                break
            breadth *= 4
        if self.exact:
            return similarities[0][: len(found)].astype(np.float32), found
        if len(found) < k:
            # an approximate walk can come back short under a filter; the exact scan cannot
            subset = np.flatnonzero(allowed) if allowed is not None else np.arange(self.size)
            return self._exact_subset(query[0], subset, k)
        return self._rescore(query[0], found, k)

    def _rescore(self, query: NDArray[np.float32], rows: NDArray[np.int64],
                 k: int) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        exact = self._vectors[rows] @ query
        order = np.lexsort((rows, -exact))[:k]
        return exact[order].astype(np.float32), rows[order]

    def _exact_subset(self, query: NDArray[np.float32], rows: NDArray[np.int64],
                      k: int) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        return self._rescore(query, rows.astype(np.int64), k)


def _empty() -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)


class _IndexMemory:
    """Exports a flat index's storage to numpy and keeps the index alive for as long as the array is."""

    def __init__(self, index: faiss.Index, view: NDArray[np.float32]) -> None:
        self.index = index
        self.__array_interface__ = view.__array_interface__


def flat_storage(index: faiss.Index) -> NDArray[np.float32]:
    """The vectors of a flat index as a numpy view of FAISS's own memory (no copy).

    The array holds a reference to `index`, so the memory stays valid however long the array is kept.
    """
    flat: Any = faiss.downcast_index(index)
    count, dimension = int(flat.ntotal), int(flat.d)
    if count == 0:
        return np.zeros((0, dimension), dtype=np.float32)
    view = faiss.rev_swig_ptr(flat.get_xb(), count * dimension).reshape(count, dimension)
    return np.asarray(_IndexMemory(index, view))


def _is_flat(index: faiss.Index) -> bool:
    return isinstance(faiss.downcast_index(index), faiss.IndexFlat)


def _training_minimum(index: faiss.Index) -> int:
    """Fewest vectors FAISS can train this index on (one per IVF list, 256 per PQ codebook)."""
    needed = 1
    ivf = faiss.try_extract_index_ivf(index)
    if ivf is not None:
        needed = max(needed, int(ivf.nlist))
    inner = faiss.downcast_index(ivf) if ivf is not None else faiss.downcast_index(index)
    pq = getattr(inner, "pq", None)
    if pq is not None:
        needed = max(needed, 1 << int(pq.nbits))
    return needed


def _set_search_defaults(index: faiss.Index) -> None:
    """Search breadth stored with the index: HNSW efSearch and IVF nprobe (FAISS's defaults are 16 and 1).

    nprobe is at least `DEFAULT_NPROBE` and `NPROBE_SHARE` of the lists.
    """
    hnsw = getattr(faiss.downcast_index(index), "hnsw", None)
    if hnsw is not None:
        hnsw.efSearch = max(int(hnsw.efSearch), DEFAULT_EF_SEARCH)
    ivf = faiss.try_extract_index_ivf(index)
    if ivf is not None:
        ivf.nprobe = min(int(ivf.nlist), max(int(ivf.nprobe), DEFAULT_NPROBE, round(int(ivf.nlist) * NPROBE_SHARE)))


def _search_parameters(index: faiss.Index, allowed: NDArray[np.bool_] | None, widen: float = 1.0) -> tuple[Any, Any]:
    """Parameters of the index's own kind carrying the filter (FAISS rejects a mismatched kind).

    `widen` multiplies the stored IVF nprobe (capped at nlist): a filter that keeps a share s of the
    catalog probes 1/s times the lists, so about as many allowed vectors are seen as unfiltered.
    The second value holds the bitmap and selector, whose memory FAISS reads during the search.
    """
    selector, bitmap = None, None
    if allowed is not None:
        bitmap = np.packbits(allowed, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bitmap))
    concrete: Any = faiss.downcast_index(index)
    ivf: Any = faiss.try_extract_index_ivf(index)
    kinds: Any = faiss  # the stubs lack the per-kind parameter classes and their keyword arguments
    if ivf is not None:
        nprobe = min(int(ivf.nlist), max(1, int(np.ceil(int(ivf.nprobe) * widen))))
        if selector is None and nprobe == int(ivf.nprobe):
            return None, None
        params = kinds.SearchParametersIVF(nprobe=nprobe) if selector is None else kinds.SearchParametersIVF(
            sel=selector, nprobe=nprobe)
    elif selector is None:
        return None, None
    elif getattr(concrete, "hnsw", None) is not None:
        params = kinds.SearchParametersHNSW(sel=selector, efSearch=int(concrete.hnsw.efSearch))
    else:
        params = kinds.SearchParameters(sel=selector)
    return params, (bitmap, selector)


def _can_widen(index: faiss.Index, widen: float) -> bool:
    """Whether a wider IVF probe than `widen` times the stored nprobe would probe more lists."""
    ivf: Any = faiss.try_extract_index_ivf(index)
    return ivf is not None and int(np.ceil(int(ivf.nprobe) * widen)) < int(ivf.nlist)
