"""Load and validate the creators and posts tables of catalog schema v1.

A bad row is refused into a rejects report (file, row, column, reason, value) and the rest
goes on; an unreadable file, a missing required column or a table with zero valid rows is a
`CatalogError` that names the problem.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pycountry

from matcher.errors import CatalogError
from matcher.schema import CREATOR_COLUMNS, PLATFORMS, POST_COLUMNS, Column

REJECT_COLUMNS = ["file", "row", "column", "reason", "value"]
MAX_TEXT_CHARS = 65_536  # a bio or caption longer than this is refused: no real caption is that long
MAX_ID_CHARS = 256
_EARLIEST = pd.Timestamp("1990-01-01", tz="UTC")
_LATEST = pd.Timestamp("2100-01-01", tz="UTC")
_COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)
_LANGUAGES = frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))
_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})


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


# ---------------------------------------------------------------- reading files


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def _read_csv(path: Path, rejects: list[dict[str, Any]]) -> pd.DataFrame:
    raw = path.read_bytes()
    # surrogateescape keeps undecodable bytes visible so the row holding them can be refused alone
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    csv.field_size_limit(2**31 - 1)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CatalogError(f"{path}: file is empty") from None
    except csv.Error as exc:
        raise CatalogError(f"{path}: cannot read the header line: {exc}") from None
    header = [h.strip() for h in header]
    if _has_bad_bytes(",".join(header)):
        raise CatalogError(f"{path}: the header line is not valid UTF-8")
    records: list[list[str]] = []
    row_numbers: list[int] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rejects.append(_reject(path, start, "", f"malformed CSV: {exc}", ""))
            line = reader.line_num
            continue
        line = reader.line_num
        if not fields or (len(fields) == 1 and fields[0].strip() == ""):
            continue
        if len(fields) != len(header):
            rejects.append(_reject(path, start, "", f"has {len(fields)} fields, the header has {len(header)}", ""))
            continue
        records.append(fields)
        row_numbers.append(start)
    frame = pd.DataFrame(records, columns=header, dtype=object)
    frame["_row"] = row_numbers
    return frame


def _read_jsonl(path: Path, rejects: list[dict[str, Any]]) -> pd.DataFrame:
    records: list[dict[str, Any]] = []
    row_numbers: list[int] = []
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            try:
                record = json.loads(raw_line.decode("utf-8"))
            except UnicodeDecodeError:
                rejects.append(_reject(path, number, "", "line is not valid UTF-8", ""))
                continue
            except json.JSONDecodeError as exc:
                rejects.append(_reject(path, number, "", f"not valid JSON: {exc.msg}", ""))
                continue
            if not isinstance(record, dict):
                rejects.append(_reject(path, number, "", "line is not a JSON object", ""))
                continue
            records.append(record)
            row_numbers.append(number)
    if not records and not rejects:
        raise CatalogError(f"{path}: file is empty")
    frame = pd.DataFrame.from_records(records).astype(object) if records else pd.DataFrame()
    frame["_row"] = row_numbers
    return frame


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:
        raise CatalogError(f"{path}: cannot read Parquet: {exc}") from None
    frame = frame.astype(object)
    frame["_row"] = range(1, len(frame) + 1)
    return frame


def read_table(path: str | Path, rejects: list[dict[str, Any]], *, allow_empty: bool = False) -> pd.DataFrame:
    """Read a CSV, JSONL or Parquet table into object columns plus a `_row` column of row numbers.

    With `allow_empty`, a file of no bytes is a table of no rows (an empty JSONL file has no header).
    """
    path = Path(path)
    if not path.exists():
        raise CatalogError(f"{path}: no such file")
    if not path.is_file():
        raise CatalogError(f"{path}: not a file")
    if path.stat().st_size == 0:
        if allow_empty:
            return pd.DataFrame({"_row": pd.Series([], dtype="int64")})
        raise CatalogError(f"{path}: file is empty")
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv", ".txt"):
            return _read_csv(path, rejects)
        if suffix in (".jsonl", ".ndjson", ".json"):
            return _read_jsonl(path, rejects)
        if suffix in (".parquet", ".pq"):
            return _read_parquet(path)
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read: {exc.strerror or exc}") from None
    raise CatalogError(f"{path}: unknown file type '{path.suffix}' (expected .csv, .jsonl or .parquet)")


# ---------------------------------------------------------------- parsing cells


# bytes that were not UTF-8, as Python's surrogateescape decoding keeps them; one regex scan per cell
# instead of a Python loop per character (the Kim catalog loads in 2.3 s instead of 3.0 s)
_BAD_BYTES = re.compile("[\udc80-\udcff]")


def _has_bad_bytes(text: str) -> bool:
    return _BAD_BYTES.search(text) is not None


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        if _has_bad_bytes(value):
            raise ValueError("contains bytes that are not valid UTF-8")
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    raise ValueError(f"expected text, got {type(value).__name__}")


def _parse_id(value: Any) -> str:
    text = _as_text(value).strip()
    if len(text) > MAX_ID_CHARS:
        raise ValueError(f"longer than {MAX_ID_CHARS} characters")
    return text


def _parse_string(value: Any) -> str:
    text = _as_text(value)
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit")
    return text


def _parse_platform(value: Any) -> str:
    text = _as_text(value).strip().lower()
    if text not in PLATFORMS:
        raise ValueError(f"unknown platform '{text}' (expected one of {', '.join(PLATFORMS)})")
    return text


def _parse_number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = _as_text(value).strip()
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"'{text[:40]}' is not a number") from None
    if not math.isfinite(number):
        raise ValueError("is not a finite number (NaN or infinity)")
    return number


def _parse_count(value: Any) -> int:
    number = _parse_number(value)
    if not number.is_integer():
        raise ValueError(f"{number} is not a whole number")
    if number < 0:
        raise ValueError(f"{int(number)} is negative (must be >= 0)")
    return int(number)


def _parse_money(value: Any) -> float:
    number = _parse_number(value)
    if number < 0:
        raise ValueError(f"{number} is negative (must be >= 0)")
    return number


def _parse_percent(value: Any) -> float:
    number = _parse_number(value)
    if not 0 <= number <= 100:
        raise ValueError(f"{number} is outside 0..100")
    return number


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _as_text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"'{text[:40]}' is not a boolean (true/false)")


def parse_timestamp(value: Any) -> pd.Timestamp:
    """Parse ISO 8601 text or epoch seconds into a UTC timestamp (schema v1 time columns)."""
    if isinstance(value, pd.Timestamp):
        stamp = value if value.tzinfo else value.tz_localize("UTC")
    elif (isinstance(value, int | float) and not isinstance(value, bool)) or (
        isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value)
    ):
        seconds = _parse_number(value)
        stamp = pd.Timestamp(seconds, unit="s", tz="UTC")
    else:
        text = _as_text(value).strip()
        try:
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError):
            raise ValueError(f"'{text[:40]}' is not ISO 8601 or epoch seconds") from None
        if pd.isna(stamp):
            raise ValueError(f"'{text[:40]}' is not ISO 8601 or epoch seconds")
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    if not _EARLIEST <= stamp < _LATEST:
        raise ValueError(f"{stamp.isoformat()} is outside 1990..2100")
    return stamp


def _parse_country(value: Any) -> str:
    text = _as_text(value).strip().upper()
    if text not in _COUNTRIES:
        raise ValueError(f"'{text[:20]}' is not an ISO 3166 alpha-2 country code")
    return text


def _parse_language(value: Any) -> str:
    text = _as_text(value).strip().lower()
    if text not in _LANGUAGES:
        raise ValueError(f"'{text[:20]}' is not an ISO 639-1 language code")
    return text


def _parse_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        items = [_as_text(item) for item in value]
    else:
        text = _as_text(value).strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError:
                raise ValueError("starts with '[' but is not a JSON list") from None
            items = [_as_text(item) for item in parsed]
        else:
            items = text.split(";")
    cleaned = (item.strip().lstrip("@").lower() for item in items)
    return tuple(dict.fromkeys(item for item in cleaned if item))


def _parse_shares(value: Any) -> dict[str, float]:
    if isinstance(value, Mapping):
        parsed: Any = dict(value)
    else:
        text = _as_text(value).strip()
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            raise ValueError("is not a JSON object of shares") from None
    if not isinstance(parsed, dict):
        raise ValueError("is not a JSON object of shares")
    shares: dict[str, float] = {}
    for key, share in parsed.items():
        number = _parse_number(share)
        if not 0 <= number <= 1:
            raise ValueError(f"share of '{key}' is {number}, outside 0..1")
        shares[str(key)] = number
    if sum(shares.values()) > 1.01:
        raise ValueError(f"shares sum to {sum(shares.values()):.2f}, more than 1")
    return shares


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "id": _parse_id,
    "string": _parse_string,
    "text": _parse_string,
    "platform": _parse_platform,
    "count": _parse_count,
    "money": _parse_money,
    "percent": _parse_percent,
    "bool": _parse_bool,
    "timestamp": parse_timestamp,
    "country": _parse_country,
    "language": _parse_language,
    "list": _parse_list,
    "shares": _parse_shares,
}
_EMPTY: dict[str, Any] = {"text": "", "list": ()}


def _reject(path: Path | str, row: int, column: str, reason: str, value: Any) -> dict[str, Any]:
    shown = "" if value is None else _as_shown(value)
    return {"file": str(path), "row": int(row), "column": column, "reason": reason, "value": shown}


def _as_shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return text if len(text) <= 80 else text[:77] + "..."


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
    parsed: dict[str, list[Any]] = {}
    for column in columns:
        parser = _PARSERS[column.kind]
        values: list[Any] = []
        if column.name not in frame.columns:
            parsed[column.name] = [_EMPTY.get(column.kind)] * len(frame)
            continue
        for index, (row, cell) in enumerate(zip(frame["_row"], frame[column.name], strict=True)):
            if _is_missing(cell) and not (isinstance(cell, str) and column.kind == "text" and column.required):
                if column.required and column.kind != "text":
                    rejects.append(_reject(path, row, column.name, "required value is missing", cell))
                    bad.iat[index] = True
                values.append(_EMPTY.get(column.kind))
                continue
            try:
                values.append(parser(cell))
            except ValueError as exc:
                rejects.append(_reject(path, row, column.name, str(exc), cell))
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
            rejects.append(_reject(path, record["_row"], keys[-1],
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
    known = posts["creator_id"].isin(set(creator_ids))
    for _, record in posts[~known].iterrows():
        rejects.append(_reject(path, record["_row"], "creator_id",
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
