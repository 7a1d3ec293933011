"""A version's tables on disk: uncompressed Arrow IPC files that every server process maps, not reads.

A Parquet file is decoded into each process's own memory: the Kim tables (creators, texts, brand
events) cost every worker about 76 MB of private pages, about 3.3 KB a creator. An Arrow IPC file
needs no decoding: text and number columns become views of the mapped file, so the page cache holds
one copy for all the workers of a machine, and only the pages a request touches are read at all.
What cannot be mapped stays private: the list columns made tuples, booleans (bit-packed in Arrow, a byte
each in numpy), and anything a query derives at load. The JSON mixes stay text, parsed where a row is read
(`matcher.mixes`).

Format reference: the Arrow columnar format and its IPC file ("Feather V2"), arrow.apache.org/docs/format.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from matcher.mixes import MIX_COLUMNS, parsed_mix

_INFERRED_SHARE_COLUMNS = ("language_shares", "country_weights", "sensitive_shares", "sensitive_evidence")
LIST_COLUMNS = ("categories", "flags", "niche_tags")


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write `frame` as one uncompressed Arrow IPC file in a single record batch, ready to be mapped."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for position, name in enumerate(table.column_names):
        target = table.schema.field(position)
        if pa.types.is_floating(target.type):
            # from_pandas stores NaN as null, and a column with nulls is copied on every read to put NaN back;
            # stored as NaN it maps as it is (and reads back the same)
            table = table.set_column(position, target.with_nullable(True),
                                     pa.array(frame[name].to_numpy(), type=target.type, from_pandas=False))
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=max(len(table), 1))


def map_table(path: Path, tuples: Collection[str] = ()) -> pd.DataFrame:
    """The frame stored at `path`, its text and number columns views of the memory-mapped file (read-only).

    The map stays open as long as a column refers to it; nothing is read from disk until a page is used.
    The list columns named in `tuples` hold tuples (a missing list: an empty one).
    """
    source = pa.memory_map(str(path), "r")
    table = pa.ipc.open_file(source).read_all()
    listed = [name for name in table.column_names if name in tuples and pa.types.is_list(table.schema.field(name).type)]
    # split_blocks: one numpy block per column, so a number column is the mapped buffer itself, not a
    # copy into a 2-D block of all the float columns
    frame = table.drop_columns(listed).to_pandas(split_blocks=True)
    for name in listed:
        frame.insert(table.column_names.index(name), name, _tuples(table.column(name).combine_chunks()))
    return frame


def _tuples(column: pa.ListArray) -> NDArray[np.object_]:
    """Each row's list as a tuple, the empty ones the one empty tuple: pandas would first make a numpy array of
    every row, some 100 bytes each while loading (most creators have no flags or tags)."""
    out = np.empty(len(column), dtype=object)
    out.fill(())
    lengths = pc.list_value_length(column).fill_null(0).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(lengths > 0)
    for row, values in zip(rows.tolist(), column.take(pa.array(rows, type=pa.int64())).to_pylist(), strict=True):
        out[row] = tuple(values)
    return out


def creators_for_disk(creators: pd.DataFrame) -> pd.DataFrame:
    """The creator table as stored: private (`_`) columns dropped, mixes as JSON text, lists as lists."""
    frame = creators.drop(columns=[c for c in creators.columns if c.startswith("_")])
    for column in MIX_COLUMNS:
        if column in frame.columns:
            # an empty inferred mix (no place named, no sensitive caption: most creators) is stored as null
            keep_empty = column not in _INFERRED_SHARE_COLUMNS
            values = (parsed_mix(v) for v in frame[column])  # a loaded version's mixes are their text
            frame[column] = [json.dumps(v) if isinstance(v, dict) and (v or keep_empty) else None for v in values]
    for column in LIST_COLUMNS:
        if column in frame.columns:
            frame[column] = [list(v) if isinstance(v, list | tuple) else [] for v in frame[column]]
    for column in frame.columns:
        if frame[column].dtype == object and column not in (*MIX_COLUMNS, *LIST_COLUMNS):
            frame[column] = frame[column].map(lambda v: v if v is None or isinstance(v, str | bool) else str(v))
    return frame


def creators_from_disk(frame: pd.DataFrame) -> pd.DataFrame:
    """The creator table as the engine uses it: lists as tuples, mixes left as their JSON text (views of the mapped
    file; `matcher.mixes.parsed_mix` reads one)."""
    for column in MIX_COLUMNS:
        if column in frame.columns and frame[column].dtype == object and not frame[column].notna().any():
            # a mix no creator has (a catalog without audience data) as Arrow nulls: no pointer per creator
            frame[column] = pd.Series(pd.arrays.ArrowExtensionArray(pa.nulls(len(frame))), index=frame.index)
    for column in LIST_COLUMNS:
        if column in frame.columns:
            frame[column] = [tuple(v) if v is not None else () for v in frame[column]]
    return frame
