"""Rows of a vector table, read from a memory-mapped file with `pread` instead of through the map.

A server maps a version's vector files (`creator_vectors.npy`, `unit_vectors.npy`) so that its worker processes
share one copy in the page cache. Rows read through the map become part of the reading process: on this
project's machine (Linux 6.18, whose page cache holds files in large folios, mapped whole at a fault) re-scoring
one brief's 1,000 scattered candidates mapped 689 MiB of a 1M-creator version's 732 MiB float16 file, so every
worker counted the whole file in its RSS after one query (docs/benchmarks.md, "The engine's version at scale").
Copied out with `pread`, the rows stay in the shared page cache and the process holds only what it asked for,
at about 2 us a row. That costs CPU a query (about 5 ms for a brief's 2,500 rows), and mapping a small file
whole costs little memory, so files under `PREAD_FROM_BYTES` are still indexed through the map: at 100k creators
`pread` took HTTP /match from 85-88 to 77-85 requests a second here.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

PREAD_FROM_BYTES = 256 * 2**20  # 350k creators' float16 vectors, 175k texts' float32 ones


def read_rows(fd: int, offset: int, row_bytes: int, rows: Sequence[int], out: NDArray[Any]) -> None:
    """Fill `out` (one row per entry of `rows`, C-ordered) from a file of fixed-size rows starting at `offset`."""
    buffer = memoryview(out.data).cast("B")
    for i, row in enumerate(rows):
        if os.preadv(fd, [buffer[i * row_bytes:(i + 1) * row_bytes]], offset + row * row_bytes) != row_bytes:
            raise OSError(f"short read of row {row}")


def _whole_mapped_file(vectors: Any) -> np.memmap[Any, Any] | None:
    """`vectors` when it is a whole 2-D `.npy` file's memory map (not a view of one), else None."""
    if (isinstance(vectors, np.memmap) and isinstance(vectors.base, mmap.mmap) and bool(vectors.filename)
            and vectors.ndim == 2 and vectors.flags.c_contiguous and hasattr(os, "preadv")):
        return vectors
    return None


def take_rows(vectors: NDArray[Any], rows: NDArray[np.int64], min_bytes: int = PREAD_FROM_BYTES) -> NDArray[Any]:
    """`vectors[rows]` of a 2-D array: copied with `pread` when `vectors` maps a whole file of `min_bytes` or
    more, else indexed."""
    rows = np.asarray(rows, dtype=np.int64).reshape(-1)
    mapped = _whole_mapped_file(vectors)
    if mapped is None or not len(rows) or mapped.nbytes < min_bytes:
        return np.asarray(vectors[rows])
    count, width = mapped.shape
    outside = rows[(rows < -count) | (rows >= count)]
    if len(outside):
        raise IndexError(f"row {outside[0]} is outside 0..{count - 1}")
    out = np.empty((len(rows), width), dtype=mapped.dtype)
    fd = os.open(str(mapped.filename), os.O_RDONLY)
    try:
        read_rows(fd, int(mapped.offset), width * mapped.dtype.itemsize, (rows % count).tolist(), out)
    finally:
        os.close(fd)
    return out


def take_ranges(vectors: NDArray[Any], starts: NDArray[np.int64], ends: NDArray[np.int64],
                min_bytes: int = PREAD_FROM_BYTES) -> list[NDArray[Any]]:
    """The rows `starts[i]:ends[i]` of `vectors` for every i, read in one `take_rows`."""
    starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    counts = np.maximum(ends - starts, 0)
    flat = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(int(counts.sum()))
    taken = take_rows(vectors, flat, min_bytes)
    return np.split(taken, np.cumsum(counts)[:-1]) if len(counts) else []
