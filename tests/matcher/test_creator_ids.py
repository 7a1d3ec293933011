from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from matcher.creator_ids import CreatorIds


def test_rows_are_those_of_a_pandas_index_for_every_kind_of_column() -> None:
    rng = np.random.default_rng(0)
    ids = [f"c{i}" for i in rng.permutation(500)] + ["", "ü", "c1\x00", "Z", "a b"]
    wanted = ["c1", "c1\x00", "c499", "c500", "", "ü", "u", "Z", "z", "a b", "c1", "zzz", "0"]
    expected = pd.Index(ids).get_indexer(pd.Index(wanted))
    for column in (pd.Series(ids, dtype=object), pd.Series(ids, dtype="str"),
                   pd.Series(pd.arrays.ArrowStringArray(pa.array(ids, type=pa.large_string())))):
        lookup = CreatorIds(column)
        assert lookup.rows(wanted).tolist() == expected.tolist()
        assert lookup.rows(wanted * 2).tolist() == expected.tolist() * 2  # more than FEW: vectorized
        assert len(lookup) == len(ids)
        assert "c7" in lookup and "c1\x00" in lookup and "c1\x00\x00" not in lookup and "c" not in lookup


def test_every_id_is_found_at_its_row_and_absent_or_odd_ones_are_not() -> None:
    ids = [f"creator-{i:05d}" for i in range(3000)][::-1]
    lookup = CreatorIds(pd.Series(ids, dtype="str"))
    assert lookup.rows(ids).tolist() == list(range(3000))
    assert [lookup.rows([creator_id])[0] for creator_id in ids[::97]] == list(range(0, 3000, 97))
    assert lookup.rows([]).tolist() == []
    assert lookup.rows(["creator-99999", "a", "\uffff", 5, None]).tolist() == [-1] * 5
    assert lookup.rows(["\ud800", *ids[:20]]).tolist() == [-1, *range(20)]
    assert CreatorIds(pd.Series([], dtype="str")).rows(["a"]).tolist() == [-1]
