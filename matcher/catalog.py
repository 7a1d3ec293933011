"""Load and validate the creators and posts tables of catalog schema v1.

A bad row is refused into a rejects report (file, row, column, reason, value) and the rest
goes on; an unreadable file, a missing required column or a table with zero valid rows is a
`CatalogError` that names the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from matcher.cells import EMPTY, PARSERS, is_missing, parse_column
from matcher.columns import text_in
from matcher.errors import CatalogError
from matcher.schema import CREATOR_COLUMNS, POST_COLUMNS, Column
from matcher.tables import read_table, reject_row

REJECT_COLUMNS = ["file", "row", "column", "reason", "value"]


@dataclass(frozen=True)
class Catalog:
    """A validated catalog: typed creators and posts tables plus the rows refused."""

    creators: pd.DataFrame
    posts: pd.DataFrame
    rejects: pd.DataFrame

    @property
    def rejected_rows(self) -> int:
        """Number of distinct rows refused, over both tables."""
        if self.rejects.empty:
            return 0
        return int(self.rejects[["file", "row"]].drop_duplicates().shape[0])


def _validate_columns(
    frame: pd.DataFrame, columns: Iterable[Column], path: Path, rejects: list[dict[str, Any]]
) -> pd.DataFrame:
    """Parse every schema column of `frame`; drop rows with any bad cell and record why."""
    columns = list(columns)
    missing = [c.name for c in columns if c.required and c.name not in frame.columns]
    if missing:
        found = ", ".join(c for c in frame.columns if c != "_row") or "none"
        raise CatalogError(f"{path}: missing required column(s) {', '.join(missing)} (found: {found})")
    bad = pd.Series(False, index=frame.index)
    parsed: dict[str, Any] = {}
    for column in columns:
        parser = PARSERS[column.kind]
        values: list[Any] = []
        if column.name not in frame.columns:
            parsed[column.name] = [EMPTY.get(column.kind)] * len(frame)
            continue
        # the whole column at once when every cell is plain (the common case): the same values the loop
        # below gives, without a Python call per cell; a column with any cell to refuse takes the loop
        at_once = parse_column(frame[column.name].tolist(), column.kind, column.required)
        if at_once is not None:
            parsed[column.name] = at_once
            continue
        for index, (row, cell) in enumerate(zip(frame["_row"], frame[column.name], strict=True)):
            if is_missing(cell) and not (isinstance(cell, str) and column.kind == "text" and column.required):
                if column.required and column.kind != "text":
                    rejects.append(reject_row(path, row, column.name, "required value is missing", cell))
                    bad.iat[index] = True
                values.append(EMPTY.get(column.kind))
                continue
            try:
                values.append(parser(cell))
            except ValueError as exc:
                rejects.append(reject_row(path, row, column.name, str(exc), cell))
                bad.iat[index] = True
                values.append(None)
        parsed[column.name] = values
    known = {c.name for c in columns}
    extra = {name: frame[name].tolist() for name in frame.columns if name not in known}
    out = pd.DataFrame({**parsed, **extra}, index=frame.index)
    return out[~bad].reset_index(drop=True)


def _drop_duplicates(
    frame: pd.DataFrame, keys: list[str], path: Path, rejects: list[dict[str, Any]]
) -> pd.DataFrame:
    duplicated = frame.duplicated(keys, keep="first")
    if duplicated.any():
        first_row = frame[~duplicated].set_index(keys)["_row"]
        for _, record in frame[duplicated].iterrows():
            key = tuple(record[k] for k in keys)
            first = first_row.loc[key if len(keys) > 1 else key[0]]
            label = "/".join(keys)
            rejects.append(reject_row(path, record["_row"], keys[-1],
                                   f"duplicate {label} (first seen at row {first})", "/".join(key)))
    return frame[~duplicated].reset_index(drop=True)


def _finish_creators(frame: pd.DataFrame) -> pd.DataFrame:
    for name in ("following", "posts_count", "price_per_post", "fake_follower_pct"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    frame["followers"] = frame["followers"].astype("int64")
    frame["account_created_at"] = pd.to_datetime(frame["account_created_at"], utc=True)
    for name in ("handle", "creator_id", "platform"):
        frame[name] = frame[name].astype(str)
    for name in ("bio", "display_name", "email"):
        frame[name] = frame[name].fillna("").astype(str)
    return frame


def _finish_posts(frame: pd.DataFrame) -> pd.DataFrame:
    frame["likes"] = frame["likes"].astype("int64")
    frame["comments"] = frame["comments"].astype("int64")
    frame["views"] = pd.to_numeric(frame["views"], errors="coerce").astype("float64")
    frame["posted_at"] = pd.to_datetime(frame["posted_at"], utc=True)
    frame["caption"] = frame["caption"].fillna("").astype(str)
    return frame


def validate_creators(frame: pd.DataFrame, path: Path | str, rejects: list[dict[str, Any]]) -> pd.DataFrame:
    """Validate a raw creators table against schema v1; bad rows go to `rejects`."""
    path = Path(path)
    if "_row" not in frame.columns:
        frame = frame.assign(_row=range(1, len(frame) + 1))
    creators = _validate_columns(frame, CREATOR_COLUMNS, path, rejects)
    creators = _drop_duplicates(creators, ["creator_id"], path, rejects)
    if creators.empty:
        raise CatalogError(f"{path}: no valid creator rows{_top_reasons(rejects)}")
    return _finish_creators(creators)


def validate_posts(
    frame: pd.DataFrame, path: Path | str, creator_ids: Iterable[str], rejects: list[dict[str, Any]]
) -> pd.DataFrame:
    """Validate a raw posts table against schema v1 and the set of valid creators.

    A table with no rows at all is valid (creators are then matched on their bios); one whose rows are
    all rejected is an error.
    """
    path = Path(path)
    if "_row" not in frame.columns:
        frame = frame.assign(_row=range(1, len(frame) + 1))
    posts = _validate_columns(frame, POST_COLUMNS, path, rejects)
    known = pd.Series(text_in(posts["creator_id"], creator_ids), index=posts.index)
    for _, record in posts[~known].iterrows():
        rejects.append(reject_row(path, record["_row"], "creator_id",
                               "unknown creator (not among the valid creators)", record["creator_id"]))
    posts = posts[known].reset_index(drop=True)
    posts = _drop_duplicates(posts, ["creator_id", "post_id"], path, rejects)
    if posts.empty and len(frame) > 0:
        # rows that all failed say the file is broken; no rows at all is a profiles-only catalog
        raise CatalogError(f"{path}: no valid post rows{_top_reasons(rejects, str(path))}")
    return _finish_posts(posts)


def _top_reasons(rejects: list[dict[str, Any]], file: str | None = None) -> str:
    chosen = [r for r in rejects if file is None or r["file"] == file]
    if not chosen:
        return ""
    counts = pd.Series([f"{r['column'] or 'row'}: {r['reason']}" for r in chosen]).value_counts().head(3)
    return " (most common problems: " + "; ".join(f"{n}x {reason}" for reason, n in counts.items()) + ")"


def empty_posts() -> pd.DataFrame:
    """A posts table with the schema's columns and no rows."""
    frame = pd.DataFrame({c.name: pd.Series([], dtype=object) for c in POST_COLUMNS})
    frame["_row"] = pd.Series([], dtype="int64")
    return _finish_posts(frame)


def load_catalog(creators: str | Path, posts: str | Path | None = None) -> Catalog:
    """Read and validate a catalog from files (CSV, JSONL or Parquet), rejecting bad rows.

    The posts file may be absent, empty or header only: creators are then matched on their bios.

    Raises
    ------
    CatalogError
        When a file cannot be read, lacks a required column, or has rows and none of them valid.
    """
    rejects: list[dict[str, Any]] = []
    creators_path = Path(creators)
    creators_frame = validate_creators(read_table(creators_path, rejects), creators_path, rejects)
    posts_table = None if posts is None else read_table(Path(posts), rejects, allow_empty=True)
    if posts_table is None or posts_table.empty:
        posts_frame = empty_posts()  # a profiles-only catalog: creators are matched on their bios
    else:
        posts_frame = validate_posts(posts_table, Path(str(posts)), creators_frame["creator_id"], rejects)
    return _catalog(creators_frame, posts_frame, rejects)


def catalog_from_frames(creators: pd.DataFrame, posts: pd.DataFrame | None, creators_name: str,
                        posts_name: str = "posts") -> Catalog:
    """Validate tables read elsewhere (an SQL query, say) exactly as files are; row numbers count from 1.

    The names stand in for file names in errors and rejects (e.g. "creators table").
    """
    rejects: list[dict[str, Any]] = []
    creators_frame = validate_creators(_numbered(creators, creators_name), creators_name, rejects)
    if posts is None or posts.empty:
        posts_frame = empty_posts()  # a profiles-only catalog
    else:
        posts_frame = validate_posts(_numbered(posts, posts_name), posts_name, creators_frame["creator_id"], rejects)
    return _catalog(creators_frame, posts_frame, rejects)


def _numbered(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    if frame.empty:
        raise CatalogError(f"{name}: no rows")
    numbered = frame.astype(object).where(frame.notna(), None).reset_index(drop=True)
    numbered["_row"] = range(1, len(numbered) + 1)
    return numbered


def _catalog(creators: pd.DataFrame, posts: pd.DataFrame, rejects: list[dict[str, Any]]) -> Catalog:
    report = pd.DataFrame(rejects, columns=REJECT_COLUMNS).sort_values(["file", "row"], kind="stable")
    return Catalog(creators, posts, report.reset_index(drop=True))
