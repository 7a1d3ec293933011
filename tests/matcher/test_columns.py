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


def test_text_in_by_hand_and_against_pandas_isin() -> None:
    import random

    from matcher.columns import text_in

    column = pd.Series(["zara", "hm", None, "mango", "zara"], dtype="str")
    assert text_in(column, ["zara", "nyx"]).tolist() == [True, False, False, False, True]
    assert text_in(column, pd.Series(["hm", None])).tolist() == [False, True, True, False, False]
    assert text_in(column, []).tolist() == [False] * 5
    assert text_in(column, [3, "hm"]).tolist() == [False, True, False, False, False]  # not all text: pandas
    mixed = pd.Series(["a", 1, None], dtype=object)
    assert text_in(mixed, ["a", 1]).tolist() == [True, True, False]
    generator = random.Random(0)
    words = ["a", "b", "é", "日本", "", None]
    for _ in range(200):
        values = pd.Series([generator.choice(words) for _ in range(generator.randint(0, 12))], dtype="str")
        wanted = [generator.choice(words) for _ in range(generator.randint(0, 4))]
        assert text_in(values, wanted).tolist() == values.isin(wanted).tolist()
