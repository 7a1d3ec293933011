"""A column parsed at once gives exactly what parsing its cells one by one gives, or declines."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from matcher.cells import EMPTY, PARSERS, is_missing, parse_column


def one_by_one(values: list[Any], kind: str, required: bool) -> list[Any] | None:
    """The slow reference: each cell through its parser with the missing-cell rules of the catalog loader
    (None when a cell would be refused)."""
    out: list[Any] = []
    for value in values:
        if is_missing(value) and not (isinstance(value, str) and kind == "text" and required):
            if required and kind != "text":
                return None
            out.append(EMPTY.get(kind))
            continue
        try:
            out.append(PARSERS[kind](value))
        except ValueError:
            return None
    return out


def as_list(parsed: Any) -> list[Any]:
    return list(parsed) if not isinstance(parsed, list) else parsed


def test_by_hand() -> None:
    assert as_list(parse_column(["12", "0", "1500000"], "count", True)) == [12, 0, 1_500_000]
    assert parse_column(["True", " no", "YES "], "bool", False) == [True, False, True]
    assert parse_column([" a1 ", "b2"], "id", True) == ["a1", "b2"]
    assert parse_column(["hi", "  ", ""], "string", False) == ["hi", None, None]
    assert parse_column(["a caption", "  "], "text", True) == ["a caption", "  "]  # a blank caption is kept
    assert parse_column(["a bio", "  "], "text", False) == ["a bio", ""]
    assert parse_column(["", " "], "count", False) == [None, None]
    # 2021-01-01 00:00 at UTC+2 is 2020-12-31 22:00 UTC; 1480146151 s after the epoch is 2016-11-26 07:42:31 UTC
    assert as_list(parse_column(["2021-01-01T00:00:00+02:00"], "timestamp", True)) == [
        pd.Timestamp("2020-12-31 22:00", tz="UTC")]
    assert as_list(parse_column(["1480146151"], "timestamp", True)) == [pd.Timestamp("2016-11-26 07:42:31", tz="UTC")]


COLUMNS = [
    (["12", "0", "7"], "count", True),
    (["12", "", "7"], "count", False),
    (["12", "-3"], "count", True),
    (["12", "1.0"], "count", True),
    (["12", "1e3"], "count", False),
    ([" 12", "3"], "count", True),
    (["12", "abc"], "count", True),
    (["", "", ""], "count", True),
    (["", "", ""], "text", False),
    (["true", "False", "y"], "bool", False),
    (["true", "", "n"], "bool", False),
    (["true", "maybe"], "bool", False),
    (["a", "b\udcff"], "id", True),
    (["a", ""], "id", True),
    (["a", "x" * 300], "id", True),
    (["ok", "bad \udc80 byte"], "text", True),
    (["ok", "x" * 70_000], "text", False),
    (["ok", "  "], "string", True),
    (["2021-03-04T10:00:00Z", "2021-03-04 10:00:00+05:30", "2021-03-04"], "timestamp", True),
    (["2021-03-04T10:00:00Z", "1480146151"], "timestamp", True),
    (["1480146151.5", "1480146151"], "timestamp", True),
    (["1480146151", "-5"], "timestamp", True),
    (["1480146151", "99999999999"], "timestamp", True),
    (["March 4, 2021", "2021-03-04"], "timestamp", True),
    (["1980-01-01T00:00:00Z"], "timestamp", True),
    (["2021-03-04T10:00:00Z", ""], "timestamp", False),
    ([12, "13"], "count", True),
]


@pytest.mark.parametrize(("values", "kind", "required"), COLUMNS)
def test_at_once_equals_one_by_one_or_declines(values: list[Any], kind: str, required: bool) -> None:
    at_once = parse_column(values, kind, required)
    reference = one_by_one(values, kind, required)
    if at_once is None:
        return  # the loader then parses cell by cell: the reference itself
    assert reference is not None, "a column with a cell to refuse must be declined"
    assert as_list(at_once) == reference
    assert [type(v) for v in as_list(at_once) if v is not None] == [type(v) for v in reference if v is not None] \
        or kind in ("count", "timestamp")  # numpy ints and pandas' own timestamps compare equal


def test_plain_columns_take_the_fast_path() -> None:
    # the path is worth having only if the usual CSV columns take it
    for values, kind, required in [(["1", "2"], "count", True), (["a", "b"], "text", True),
                                   (["1480146151"], "timestamp", True), (["2021-03-04T10:00:00Z"], "timestamp", True),
                                   (["true"], "bool", False), (["x"], "id", True), (["", ""], "count", False)]:
        assert parse_column(values, kind, required) is not None, (values, kind)
