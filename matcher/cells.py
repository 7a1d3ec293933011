"""Parse one catalog cell by its schema kind (id, text, count, money, timestamp, country, ...).

Each parser returns the typed value or raises ValueError with the reason a rejects report shows.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from matcher.schema import PLATFORMS

MAX_TEXT_CHARS = 65_536  # a bio or caption longer than this is refused: no real caption is that long
MAX_ID_CHARS = 256
_EARLIEST = pd.Timestamp("1990-01-01", tz="UTC")
_LATEST = pd.Timestamp("2100-01-01", tz="UTC")
_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})


def is_missing(value: Any) -> bool:
    """Whether a cell holds no value (None, NaN or blank text)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


# bytes that were not UTF-8, as Python's surrogateescape decoding keeps them; one regex scan per cell
# instead of a Python loop per character (the Kim catalog loads in 2.3 s instead of 3.0 s)
_BAD_BYTES = re.compile("[\udc80-\udcff]")


def has_bad_bytes(text: str) -> bool:
    """Whether text holds bytes that were not valid UTF-8 (kept by surrogateescape decoding)."""
    return _BAD_BYTES.search(text) is not None


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        if has_bad_bytes(value):
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


_EPOCH = re.compile(r"\s*-?\d+(\.\d+)?\s*")
_DIGITS = re.compile(r"\d{1,15}")
_WHOLE_SECONDS = re.compile(r"\s*-?\d{1,12}\s*")


def parse_timestamp(value: Any) -> pd.Timestamp:
    """Parse ISO 8601 text or epoch seconds into a UTC timestamp (schema v1 time columns)."""
    if isinstance(value, pd.Timestamp):
        stamp = value if value.tzinfo else value.tz_localize("UTC")
    elif (isinstance(value, int | float) and not isinstance(value, bool)) or (
        isinstance(value, str) and _EPOCH.fullmatch(value)
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


@functools.cache
def _iso_codes() -> tuple[frozenset[str], frozenset[str]]:
    """ISO 3166 alpha-2 country and ISO 639-1 language codes; read on first use, since reading pycountry's tables
    costs 0.1 s of the start of a server, which parses no catalog."""
    import pycountry

    return (frozenset(c.alpha_2 for c in pycountry.countries),
            frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")))


def _parse_country(value: Any) -> str:
    text = _as_text(value).strip().upper()
    if text not in _iso_codes()[0]:
        raise ValueError(f"'{text[:20]}' is not an ISO 3166 alpha-2 country code")
    return text


def _parse_language(value: Any) -> str:
    text = _as_text(value).strip().lower()
    if text not in _iso_codes()[1]:
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


def _valid_text(values: list[str]) -> bool:
    """Whether strings hold only valid UTF-8 and none is over the length limit (one encode, not a scan a cell)."""
    try:
        "".join(values).encode("utf-8")  # fails on the surrogates that stand for bytes that were not UTF-8
    except UnicodeEncodeError:
        return False
    return max(map(len, values), default=0) <= MAX_TEXT_CHARS


def parse_column(values: list[Any], kind: str, required: bool) -> Any | None:
    """A whole column's cells parsed at once, exactly as `PARSERS[kind]` and the missing-cell rules of
    `matcher.catalog` parse them one by one, or None when the column is not plain (a cell to refuse, a
    value that is not text, a format the vectorized parser does not read): then parse it cell by cell.

    Only text cells (what CSV gives) take this path, and only the kinds that cost most per cell: a column
    left empty, text and string (the UTF-8 and length checks), counts written as digits, booleans, ids and
    timestamps (ISO 8601 text or whole epoch seconds, parsed by pandas in one call).
    """
    if not all(isinstance(value, str) for value in values):
        return None
    if kind in ("text", "string"):
        if not _valid_text(values):
            return None
        if kind == "text" and required:
            return values  # a required caption may be blank: kept as written
        if required and not all(value.strip() for value in values):
            return None  # a required string left blank is refused, with its row, by the loop
        empty = EMPTY.get(kind)
        return [value if value.strip() else empty for value in values]
    if not any(value.strip() for value in values):  # a column left empty: every cell missing
        return None if required else [EMPTY.get(kind)] * len(values)
    if kind == "count":
        if not all(_DIGITS.fullmatch(value) for value in values):
            return None
        return np.array(values, dtype=np.int64)  # int() of each, as the loop does; at most 15 digits
    if kind == "bool":
        lowered = [value.strip().lower() for value in values]
        if not all(value in _TRUE or value in _FALSE for value in lowered):
            return None
        return [value in _TRUE for value in lowered]
    if kind == "id":
        stripped = [value.strip() for value in values]
        if not all(stripped) or not _valid_text(stripped) or max(map(len, stripped)) > MAX_ID_CHARS:
            return None
        return stripped
    if kind == "timestamp":
        return _timestamps_at_once(values)
    return None


def _timestamps_at_once(values: list[str]) -> pd.DatetimeIndex | None:
    """ISO 8601 text or whole epoch seconds, every cell filled and within 1990..2100; else None."""
    if not all(value.strip() for value in values):
        return None
    whole_seconds = [_WHOLE_SECONDS.fullmatch(value) is not None for value in values]
    try:
        if all(whole_seconds):  # epoch seconds, as exact integers
            stamps = pd.to_datetime(np.array(values, dtype=np.int64), unit="s", utc=True)
        elif any(whole_seconds) or any(_EPOCH.fullmatch(value) for value in values):
            return None  # a mix, or fractional seconds: the loop rounds them as it always did
        else:
            stamps = pd.to_datetime(values, utc=True, format="ISO8601")
    except (ValueError, TypeError, OverflowError):
        return None
    if len(stamps) and (stamps.hasnans or stamps.min() < _EARLIEST or stamps.max() >= _LATEST):
        return None
    return stamps


PARSERS: dict[str, Callable[[Any], Any]] = {
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
EMPTY: dict[str, Any] = {"text": "", "list": ()}
