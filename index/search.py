"""Exact inner-product search with FAISS, filters applied inside the search by an ID selector."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np
from numpy.typing import NDArray


class FaissSearch:
    """A `VectorSearch` over an IndexFlatIP; the allowed rows are passed as a bitmap selector.

    With the selector the flat scan skips every row that is not allowed, so a filter that keeps
    0.1% of creators still returns k results whenever k of them exist.
    """

    def __init__(self, index: faiss.Index) -> None:
        self._index = index

    @classmethod
    def from_vectors(cls, vectors: NDArray[np.float32]) -> FaissSearch:
        """Flat inner-product index over the given unit vectors."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(vectors)
        return cls(index)

    @classmethod
    def load(cls, path: str | Path) -> FaissSearch:
        """Read an index written by `save`."""
        return cls(faiss.read_index(str(path)))

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

    def vectors(self) -> NDArray[np.float32]:
        """All stored vectors, row i for creator row i."""
        return np.asarray(self._index.reconstruct_n(0, self.size), dtype=np.float32)

    def search(self, query: NDArray[np.float32], k: int,
               allowed: NDArray[np.bool_] | None = None) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        """The k rows most similar to `query` among the allowed ones, best first."""
        if k <= 0 or self.size == 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        query = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        if allowed is None:
            k = min(k, self.size)
            similarities, rows = self._index.search(query, k)
        else:
            allowed = np.asarray(allowed, dtype=bool)
            if allowed.shape != (self.size,):
                raise ValueError(f"allowed mask has shape {allowed.shape}, expected ({self.size},)")
            count = int(allowed.sum())
            k = min(k, count)
            if k == 0:
                return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
            bitmap = np.packbits(allowed, bitorder="little")
            selector = faiss.IDSelectorBitmap(self.size, faiss.swig_ptr(bitmap))
            params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
            similarities, rows = self._index.search(query, k, params=params)
        keep = rows[0] >= 0
        return similarities[0][keep].astype(np.float32), rows[0][keep].astype(np.int64)
