from __future__ import annotations

import numpy as np
import pandas as pd

from matcher.columns import RowReader


def test_row_reader_takes_what_iloc_takes() -> None:
    # fast path (Arrow or numpy take) against the slow reference (pandas iloc), every column kind
    table = pd.DataFrame({
        "creator_id": pd.array([f"c{i}" for i in range(50)], dtype="string[pyarrow]"),
        "handle": pd.Series([f"@h{i}" if i % 7 else None for i in range(50)], dtype="string[pyarrow]"),
        "followers": np.arange(50) * 1_000,
        "price": np.where(np.arange(50) % 3 == 0, np.nan, np.arange(50) * 2.5),
        "flags": [("bought followers",) if i % 5 == 0 else () for i in range(50)],
        "plain": [f"text {i}" for i in range(50)],
    })
    chunked = pd.concat([table.iloc[:20], table.iloc[20:]])  # Arrow columns in two chunks
    reader = RowReader(chunked, tuple(table.columns))
    rows = np.array([49, 0, 7, 7, 21, 35], dtype=np.int64)
    def missing_as_none(values: list[object]) -> list[object]:
        return [None if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)) else v for v in values]

    for name in table.columns:
        expected = chunked[name].iloc[rows].tolist()
        found = reader.take(name, rows).tolist()
        assert missing_as_none(found) == missing_as_none(expected), name
    assert reader.take("handle", rows)[2] is None  # a missing text stays missing
