"""Read a catalog table from CSV, JSONL or Parquet into object columns with their file row numbers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from matcher.cells import has_bad_bytes
from matcher.errors import CatalogError


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
    if has_bad_bytes(",".join(header)):
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
            rejects.append(reject_row(path, start, "", f"malformed CSV: {exc}", ""))
            line = reader.line_num
            continue
        line = reader.line_num
        if not fields or (len(fields) == 1 and fields[0].strip() == ""):
            continue
        if len(fields) != len(header):
            rejects.append(reject_row(path, start, "", f"has {len(fields)} fields, the header has {len(header)}", ""))
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
                rejects.append(reject_row(path, number, "", "line is not valid UTF-8", ""))
                continue
            except json.JSONDecodeError as exc:
                rejects.append(reject_row(path, number, "", f"not valid JSON: {exc.msg}", ""))
                continue
            if not isinstance(record, dict):
                rejects.append(reject_row(path, number, "", "line is not a JSON object", ""))
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


def reject_row(path: Path | str, row: int, column: str, reason: str, value: Any) -> dict[str, Any]:
    """One rejects-report row: file, row number, column, reason and the value as shown (cut to 80 chars)."""
    shown = "" if value is None else _as_shown(value)
    return {"file": str(path), "row": int(row), "column": column, "reason": reason, "value": shown}


def _as_shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return text if len(text) <= 80 else text[:77] + "..."
