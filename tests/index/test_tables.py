"""A version's tables as mapped Arrow files: read back equal, and held by the map, not copied."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

from index.tables import map_table, write_table
from tests.helpers import column_address, mapped_ranges

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "creator_row": np.array([0, 0, 1, 3], dtype=np.int64),
        "shown": ["Lisbon surf at dawn", "", "ramen ✨ in Tōkyō", None],
        "score": [0.25, np.nan, 1.0, -0.5],
        "sponsored": [True, False, False, True],
        "posted_at": pd.to_datetime(["2026-01-02T03:04:05Z", "2025-12-31T00:00:00Z", None, "2024-02-29T12:00:00Z"],
                                    utc=True),
        "tags": [["surf", "travel"], [], ["food"], []],
    })


def test_a_table_reads_back_equal_to_what_was_written(tmp_path) -> None:
    frame = _frame()
    write_table(frame, tmp_path / "units.arrow")
    mapped = map_table(tmp_path / "units.arrow")
    for name in ("creator_row", "shown", "score", "sponsored", "posted_at"):
        pd.testing.assert_series_equal(mapped[name], frame[name], check_dtype=True)
    assert [list(v) for v in mapped["tags"]] == [["surf", "travel"], [], ["food"], []]
    assert np.isnan(mapped["score"].iloc[1]) and mapped["shown"].isna().tolist() == [False, False, False, True]
    # pandas' own Feather reader (which copies) sees the same file
    pd.testing.assert_frame_equal(mapped.drop(columns="tags"), pd.read_feather(tmp_path / "units.arrow").drop(
        columns="tags"))


def test_an_empty_table_reads_back_with_its_columns(tmp_path) -> None:
    frame = _frame().iloc[:0]
    write_table(frame, tmp_path / "empty.arrow")
    mapped = map_table(tmp_path / "empty.arrow")
    assert list(mapped.columns) == list(frame.columns) and len(mapped) == 0
    assert mapped["creator_row"].dtype == np.int64 and mapped["score"].dtype == np.float64


@linux_only
def test_text_and_number_columns_are_views_of_the_mapped_file(tmp_path) -> None:
    rows = 50_000
    frame = pd.DataFrame({"creator_row": np.arange(rows, dtype=np.int64),
                          "shown": [f"caption number {i} about trail running" for i in range(rows)],
                          "score": np.linspace(0.0, 1.0, rows)})
    write_table(frame, tmp_path / "units.arrow")
    mapped = map_table(tmp_path / "units.arrow")
    ranges = mapped_ranges(tmp_path / "units.arrow")
    assert ranges, "the file is not mapped"
    for name in ("creator_row", "shown", "score"):
        address = column_address(mapped[name])
        assert any(low <= address < high for low, high in ranges), f"{name} was copied out of the map"
    # the reference: pandas' Feather reader copies into this process's memory
    copied = pd.read_feather(tmp_path / "units.arrow")
    assert not any(low <= column_address(copied["score"]) < high for low, high in ranges)
    assert mapped["shown"].iloc[49_999] == "caption number 49999 about trail running"


def test_list_columns_named_read_back_as_tuples_in_their_place(tmp_path) -> None:
    frame = _frame()
    frame["flags"] = [["bought followers?"], None, [], ["a", "b", "c"]]
    write_table(frame, tmp_path / "units.arrow")
    mapped = map_table(tmp_path / "units.arrow", tuples=("tags", "flags", "absent"))
    assert list(mapped.columns) == list(frame.columns)
    assert mapped["tags"].tolist() == [("surf", "travel"), (), ("food",), ()]
    assert mapped["flags"].tolist() == [("bought followers?",), (), (), ("a", "b", "c")]
    pd.testing.assert_frame_equal(mapped.drop(columns=["tags", "flags"]),
                                  map_table(tmp_path / "units.arrow").drop(columns=["tags", "flags"]))


def test_creator_mixes_and_lists_read_back_as_the_engine_uses_them(tmp_path) -> None:
    from index.tables import LIST_COLUMNS, creators_for_disk, creators_from_disk
    from matcher.mixes import parsed_mix

    creators = pd.DataFrame({"creator_id": ["a", "b", "c"], "language_shares": [{"en": 0.75, "de": 0.25}, {}, None],
                             "audience_countries": [{}, None, {"US": 1.0}], "flags": [("x",), (), ["y", "z"]]})
    write_table(creators_for_disk(creators), tmp_path / "creators.arrow")
    read = creators_from_disk(map_table(tmp_path / "creators.arrow", LIST_COLUMNS))
    # mixes stay their stored text (an empty inferred mix: none), parsed where read
    assert read["language_shares"].tolist()[0] == '{"en": 0.75, "de": 0.25}'
    assert [parsed_mix(v) for v in read["language_shares"]] == [{"en": 0.75, "de": 0.25}, None, None]
    assert [parsed_mix(v) for v in read["audience_countries"]] == [{}, None, {"US": 1.0}]
    assert read["flags"].tolist() == [("x",), (), ("y", "z")]
    # a mix no creator has holds no pointer per creator, and reads as missing
    creators["audience_age"] = None
    write_table(creators_for_disk(creators), tmp_path / "ages.arrow")
    ages = creators_from_disk(map_table(tmp_path / "ages.arrow", LIST_COLUMNS))["audience_age"]
    assert ages.array.nbytes == 0 and [parsed_mix(v) for v in ages] == [None] * 3
    assert [parsed_mix(v) for v in ages.iloc[[2, 0]]] == [None, None] and not ages.notna().any()
    # written again, a loaded table keeps its mixes
    write_table(creators_for_disk(read), tmp_path / "again.arrow")
    again = creators_from_disk(map_table(tmp_path / "again.arrow", LIST_COLUMNS))
    assert [parsed_mix(v) for v in again["audience_countries"]] == [{}, None, {"US": 1.0}]
    write_table(creators_for_disk(creators_from_disk(map_table(tmp_path / "ages.arrow"))), tmp_path / "ages2.arrow")
    assert [parsed_mix(v) for v in map_table(tmp_path / "ages2.arrow")["audience_age"]] == [None] * 3
