"""Inner-product search with FAISS (flat, HNSW or IVF-PQ by factory string), filters applied inside the search."""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from numpy.typing import NDArray

from matcher import CreatorMatchError
from matcher.vector_rows import read_rows

FLAT = "Flat"
AUTO = "auto"
# `auto` builds an exact Flat index up to this many creators, a compressed IVF-PQ one above (at 100k synthetic
# creators the engine answered a brief in 12.6 ms with IVF-PQ against 19.9 ms with Flat: docs/benchmarks.md)
AUTO_FLAT_UP_TO = 50_000
DEFAULT_TRAIN_SAMPLE = 100_000
DEFAULT_EF_SEARCH = 128
DEFAULT_NPROBE = 16
# IVF lists probed per query, as a share of nlist: 1/32 (64 of 2048) found the exact top 10 for 30 of 30
# briefs at 1M synthetic creators, 1/64 for 0.967 of them (docs/benchmarks.md)
NPROBE_SHARE = 1 / 32
# approximate indexes fetch this many times k candidates, and at least RESCORE_DEPTH, then re-score them
# exactly: a compressed first stage orders its best 40 too roughly to hold the exact top 10 (4-bit PQ with
# 192 codes at 1M synthetic creators: recall@10 0.973 re-scoring 256, 0.997 re-scoring 1,000)
DEFAULT_OVERSAMPLE = 4
RESCORE_DEPTH = 1_000
# the leading tag of an index file (FAISS's fourcc) for the types whose codes stay in the mapped file when read
# with IO_FLAG_MMAP_IFC, each measured (private memory after a load: 0 to 11 MiB at 200,000 vectors): flat
# (inner product, L2), IVF-Flat, IVF-SQ, IVF-PQ, HNSW over flat, SQ and PQ storage
MAPPED_INDEX_TAGS = frozenset({b"IxFI", b"IxF2", b"IwFl", b"IwSq", b"IwPQ", b"IHNf", b"IHNs", b"IHNp"})
# vectors added to a FAISS index per call, converted to float32 one block at a time (a float16 memory map of
# 10M vectors is never copied whole)
ADD_BLOCK = 262_144
# a filtered IVF probe is widened until it is expected to see this many times the rows it must return
FILTER_COVERAGE = 3
# below this many allowed rows an exact scan of just those rows is cheaper than a filtered graph/IVF walk,
# and it cannot miss any of them; from float16 vectors a fourth as many (numpy converts float16 at about
# 1 ns a number: 4 ms for 10,000 rows, more than the filtered IVF walk and its re-scoring)
EXACT_SUBSET_LIMIT = 20_000
EXACT_SUBSET_LIMIT_HALF = 5_000
# OpenMP threads of a single-query search (training uses every core); see docs/benchmarks.md
SEARCH_THREADS = 1


class IndexTypeError(CreatorMatchError):
    """A FAISS factory string that cannot be built for this catalog."""


class RowFile:
    """Rows of a 2-D `.npy` file read with `pread`, not through a memory map.

    Re-scoring reads 1,000 to 5,000 scattered rows a query; through a map the kernel maps up to 16 neighbouring
    cached pages at each fault, and after 500 queries at 10M creators the whole float16 file (7.3 GB) counted in
    the server's RSS. Read into a buffer, the rows stay in the page cache, shared by every process, and the
    process holds only what it asked for (about 2 us a row: 2 ms for 1,000 rows).
    """

    def __init__(self, path: str | Path) -> None:
        header = np.load(path, mmap_mode="r", allow_pickle=False)  # reads the header only
        if header.ndim != 2 or not header.flags.c_contiguous:
            raise IndexTypeError(f"{path}: expected a 2-D C-ordered array, got shape {header.shape}")
        self.shape: tuple[int, int] = (int(header.shape[0]), int(header.shape[1]))
        self.dtype = header.dtype
        self._offset = int(header.offset)
        self._row_bytes = self.shape[1] * self.dtype.itemsize
        del header
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    def take(self, rows: NDArray[np.int64]) -> NDArray[np.floating]:
        """The given rows, in the given order."""
        out = np.empty((len(rows), self.shape[1]), dtype=self.dtype)
        if len(rows) == 0:
            return out
        outside = rows[(rows < 0) | (rows >= self.shape[0])]
        if len(outside):
            raise IndexError(f"row {outside[0]} is outside 0..{self.shape[0] - 1}")
        read_rows(self._fd, self._offset, self._row_bytes, rows.tolist(), out)
        return out


class FaissSearch:
    """A `VectorSearch` over any FAISS inner-product index; allowed rows are passed as a bitmap selector.

    A flat index is exact. For an approximate index (HNSW, IVF-PQ, ...) the search asks FAISS for
    `oversample * k` candidates (at least `rescore_depth`) and re-scores them with the full vectors, so the
    order of what is returned is exact; a filter that leaves few rows is answered by an exact scan of those
    rows. The full vectors may be float16 and a read-only memory map: only the rows re-scored are read.

    Parameters
    ----------
    index
        A FAISS index whose row i is creator row i (no id map).
    vectors
        The full unit vectors, float32 or float16 (needed for re-scoring approximate indexes; a flat index
        has them).
    """

    def __init__(self, index: faiss.Index, vectors: NDArray[np.floating] | None = None,
                 oversample: int = DEFAULT_OVERSAMPLE, exact_subset_limit: int | None = None,
                 rescore_depth: int = RESCORE_DEPTH, *, rows_from: RowFile | None = None) -> None:
        self._index = index
        self._rows_from = rows_from  # where re-scoring reads its rows, when not from `vectors`
        self.oversample = oversample
        self.rescore_depth = rescore_depth
        self.exact = _is_flat(index)
        if vectors is None:
            if not self.exact:
                raise IndexTypeError("an approximate index needs the exact vectors for re-scoring")
            vectors = flat_storage(index)
        self._vectors = _kept(vectors)
        if self._vectors.shape != (int(index.ntotal), int(index.d)):
            raise IndexTypeError(f"vectors of shape {self._vectors.shape} do not fit an index of "
                                 f"{index.ntotal} x {index.d}")
        if rows_from is not None and (rows_from.shape != self._vectors.shape or rows_from.dtype != self._vectors.dtype):
            raise IndexTypeError(f"row file of {rows_from.shape} {rows_from.dtype} does not match the vectors")
        self.exact_subset_limit = exact_subset_limit if exact_subset_limit is not None else (
            EXACT_SUBSET_LIMIT_HALF if self._vectors.dtype == np.float16 else EXACT_SUBSET_LIMIT)

    @classmethod
    def from_vectors(cls, vectors: NDArray[np.floating], index_type: str = FLAT, *,
                     train_sample: int = DEFAULT_TRAIN_SAMPLE, seed: int = 0,
                     add_block: int = ADD_BLOCK) -> FaissSearch:
        """An inner-product index of `index_type` (a FAISS factory string) over the given unit vectors.

        Parameters
        ----------
        vectors
            float32 or float16, in memory or a memory map: they are added block by block, and an approximate
            index keeps them as given for re-scoring.
        index_type
            "Flat" (exact), or e.g. "HNSW32", "IVF1024,PQ32", "IVF4096,Flat": any string
            `faiss.index_factory` accepts; "auto" picks by catalog size (`auto_index_type`).
        train_sample
            Indexes that need training (IVF, PQ) are trained on at most this many vectors, drawn at random.
        add_block
            Vectors converted to float32 and added per call.
        """
        vectors = _kept(vectors)
        index_type = resolved_index_type(index_type, len(vectors))
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
            index.train(np.ascontiguousarray(sample, dtype=np.float32))
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        for start in range(0, len(vectors), add_block):
            index.add(np.ascontiguousarray(vectors[start:start + add_block], dtype=np.float32))
        _set_search_defaults(index)
        return cls(index, None if _is_flat(index) else vectors)

    @classmethod
    def load(cls, path: str | Path, vectors: NDArray[np.floating] | None = None) -> FaissSearch:
        """Read an index written by `save` (an approximate one needs its exact vectors)."""
        return cls(faiss.read_index(str(path)), vectors)

    @classmethod
    def open(cls, path: str | Path, vectors_path: str | Path) -> FaissSearch:
        """Read an index and its exact vectors keeping one copy in memory (the `.npy` file is only mapped).

        A flat index is its own exact vectors, so the file is not read; an approximate index maps it
        read-only (for `vectors()`), and re-scoring reads just its rows with `pread` where the system has it.
        The index's own codes (a flat index's vectors, IVF lists, HNSW storage) are mapped from `path` too
        (FAISS's IO_FLAG_MMAP_IFC), so the server processes of one machine share one copy in the page cache.
        Only the index types whose codes FAISS serves from the map are mapped (`MAPPED_INDEX_TAGS`); the
        others are read into memory: FAISS copies fast-scan codes (PQ...x4fs) into its own layout and would
        keep the mapped file resident beside the copy.
        """
        with open(path, "rb") as header:
            tag = header.read(4)
        index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC if tag in MAPPED_INDEX_TAGS else 0)
        if _is_flat(index) or not Path(vectors_path).exists():
            return cls(index)
        rows_from = RowFile(vectors_path) if hasattr(os, "preadv") else None
        return cls(index, np.load(vectors_path, mmap_mode="r", allow_pickle=False), rows_from=rows_from)

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

    def vectors(self) -> NDArray[np.floating]:
        """All stored full vectors, row i for creator row i (float32, or float16 beside an approximate index)."""
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
        fetch = k if self.exact else min(available, max(k * self.oversample, self.rescore_depth))
        # one query at a time: OpenMP's fan-out costs more than it saves (4x slower measured on 2 busy cores)
        faiss.omp_set_num_threads(SEARCH_THREADS)
        widen = _filtered_widening(self._index, fetch, available / self.size)
        while True:
            params, keep_alive = _search_parameters(self._index, allowed, widen)
            similarities, rows = self._index.search(query, fetch, params=params)
            del keep_alive
            found = rows[0][rows[0] >= 0].astype(np.int64)
            # an IVF probe of too few lists for the filter or for `fetch` comes back short: probe 4x more
            if self.exact or len(found) >= fetch or not _can_widen(self._index, widen):
                break
            widen *= 4
        if self.exact:
            return similarities[0][: len(found)].astype(np.float32), found
        if len(found) < k:
            # an approximate walk can come back short under a filter; the exact scan cannot
            subset = np.flatnonzero(allowed) if allowed is not None else np.arange(self.size)
            return self._exact_subset(query[0], subset, k)
        return self._rescore(query[0], found, k)

    def _rescore(self, query: NDArray[np.float32], rows: NDArray[np.int64],
                 k: int) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        # rows in ascending order read a file front to back
        rows = np.sort(rows)
        taken = self._rows_from.take(rows) if self._rows_from is not None else self._vectors[rows]
        exact = taken.astype(np.float32, copy=False) @ query
        order = np.lexsort((rows, -exact))[:k]
        return exact[order].astype(np.float32), rows[order]

    def _exact_subset(self, query: NDArray[np.float32], rows: NDArray[np.int64],
                      k: int) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        return self._rescore(query, rows.astype(np.int64), k)


def resolved_index_type(index_type: str, creators: int) -> str:
    """The FAISS factory string to build: `index_type` itself, or for "auto" the one `auto_index_type` picks."""
    return auto_index_type(creators) if index_type == AUTO else index_type


def auto_index_type(creators: int) -> str:
    """The index type `auto` builds for a catalog of this size (measured in docs/benchmarks.md).

    Exact `Flat` up to `AUTO_FLAT_UP_TO` creators (50,000). Above, an IVF index
    whose lists hold 4-bit fast-scan PQ codes of 192 sub-vectors (96 bytes a creator, a sixteenth of
    float32), re-scored from float16 vectors: at 1M synthetic creators it found 0.997 of the exact top 10
    where 96 codes found 0.91 and 48 codes 0.96 at best. About 4·sqrt(n) lists, a power of two from 256 to
    4,096 (more lists cost the build time to assign every creator, not the query: it probes a fixed share).
    """
    if creators <= AUTO_FLAT_UP_TO:
        return FLAT
    lists = max(256, min(4_096, 1 << (round(4 * creators**0.5).bit_length() - 1)))
    return f"IVF{lists},PQ192x4fs"


def _kept(vectors: NDArray[np.floating]) -> NDArray[np.floating]:
    """float32 and float16 vectors as they are (a memory map stays one); anything else as float32."""
    if isinstance(vectors, np.ndarray) and vectors.dtype in (np.float32, np.float16) and vectors.flags.c_contiguous:
        return vectors
    return np.ascontiguousarray(vectors, dtype=np.float32)


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
    stored = np.asarray(_IndexMemory(index, view))
    # a loaded index's storage is the mapped file (read-only pages): a write would crash, not raise
    stored.flags.writeable = False
    return stored


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


def _filtered_widening(index: faiss.Index, fetch: int, share: float) -> float:
    """How many times its stored nprobe an IVF search under a filter keeping `share` of the rows probes.

    The probe is widened until it is expected to see `FILTER_COVERAGE` times `fetch` allowed rows, and never
    beyond 1/share (as many allowed rows as an unfiltered probe sees rows). A small catalog needs nearly
    1/share; at 10M creators the stored probe (1/32 of the lists, 312,000 rows) already holds 3,000 allowed
    rows under a 1% filter, so it is not widened (a widening to every list scanned all 10M codes).
    """
    ivf: Any = faiss.try_extract_index_ivf(index)
    if share >= 1.0 or ivf is None:
        return 1.0
    probed_rows = int(index.ntotal) * min(1.0, int(ivf.nprobe) / int(ivf.nlist))
    needed = FILTER_COVERAGE * fetch / share
    return float(min(1.0 / share, max(1.0, needed / max(probed_rows, 1.0))))


def _can_widen(index: faiss.Index, widen: float) -> bool:
    """Whether a wider IVF probe than `widen` times the stored nprobe would probe more lists."""
    ivf: Any = faiss.try_extract_index_ivf(index)
    return ivf is not None and int(np.ceil(int(ivf.nprobe) * widen)) < int(ivf.nlist)
