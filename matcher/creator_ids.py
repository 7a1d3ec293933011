"""The row of a creator id, found without a Python object per creator: the table's own Arrow strings, searched in
the order that sorts them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

# up to this many ids are looked up one by one (a seed, a creator's page); more in vectorized steps
FEW = 16


class CreatorIds:
    """Rows of creator ids, by binary search over the id column in sorted order.

    A pandas Index of the ids builds a hash table of Python strings at its first lookup (a seed, feedback, an
    excluded competitor's creators): 100 bytes a creator, 96 MiB at 1M creators. This keeps the column as the
    table holds it (Arrow strings, mapped from the version's file) and the order that sorts it, 4 bytes a creator;
    a lookup of any number of ids takes log2(creators) vectorized steps (24 at 10M). Ids compare as UTF-8 bytes,
    exactly: 'c1\\x00' is not 'c1'.
    """

    def __init__(self, ids: pd.Series) -> None:
        array = pa.array(ids, from_pandas=True)
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
            array = array.cast(pa.large_string())
        self._ids: pa.Array = array
        order = pc.sort_indices(array).to_numpy()
        self._order = order.astype(np.uint32 if len(order) < 2**32 else np.int64)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, creator_id: object) -> bool:
        return bool(self.rows([creator_id])[0] >= 0)

    def rows(self, wanted: Iterable[object]) -> NDArray[np.int64]:
        """The row of each wanted id, -1 for one not in the table (as `pandas.Index.get_indexer`; an id that is
        not text is never found)."""
        wanted = list(wanted)
        out = np.full(len(wanted), -1, dtype=np.int64)
        texts = [position for position, value in enumerate(wanted) if isinstance(value, str)]
        n = len(self._ids)
        if not texts or n == 0:
            return out
        try:
            needles = pa.array([wanted[position] for position in texts], type=self._ids.type) \
                if len(texts) > FEW else None
        except (pa.ArrowInvalid, UnicodeEncodeError):  # text Arrow cannot hold (a lone surrogate): one by one
            needles = None
        if needles is None:
            for position in texts:
                out[position] = self._row(str(wanted[position]))
            return out
        low, high = np.zeros(len(texts), dtype=np.int64), np.full(len(texts), n, dtype=np.int64)
        while (open_ := low < high).any():
            middle = np.where(open_, (low + high) // 2, 0)
            less = self._compare(pc.less, middle, needles)
            low = np.where(open_ & less, middle + 1, low)
            high = np.where(open_ & ~less, middle, high)
        found = np.minimum(low, n - 1)
        equal = self._compare(pc.equal, found, needles) & (low < n)
        out[np.asarray(texts)[equal]] = self._order[found[equal]].astype(np.int64)
        return out

    def _row(self, creator_id: str) -> int:
        """One id's row (-1: absent) by a plain binary search: 2 us a step, where a vectorized step costs 60 us.
        Python orders text by code point, as Arrow sorts its UTF-8 bytes; a missing id sorts last."""
        low, high = 0, len(self._ids)
        while low < high:
            middle = (low + high) // 2
            value = self._ids[int(self._order[middle])].as_py()
            if value is not None and value < creator_id:
                low = middle + 1
            else:
                high = middle
        if low < len(self._ids) and self._ids[int(self._order[low])].as_py() == creator_id:
            return int(self._order[low])
        return -1

    def _compare(self, compare: Callable[..., Any], sorted_positions: NDArray[np.int64],
                 needles: pa.Array) -> NDArray[np.bool_]:
        """`compare(id at each sorted position, needle)` for every needle (a missing id compares false)."""
        values = self._ids.take(pa.array(self._order[sorted_positions].astype(np.int64), type=pa.int64()))
        result = compare(values, needles).fill_null(False)
        return np.asarray(result.to_numpy(zero_copy_only=False), dtype=bool)
