"""One creator of a loaded index: profile, signals, flags and recent posts, JSON-ready."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from matcher.errors import CreatorMatchError
from matcher.mixes import MIX_COLUMNS, parsed_mix
from matcher.prepared import CreatorIndex
from matcher.schema import CREATOR_COLUMNS


class UnknownCreator(CreatorMatchError):
    """No creator with this id in the index version."""


@dataclass(frozen=True)
class CreatorProfile:
    """A creator as the index holds it: catalog fields, computed signals, flags, recent post texts."""

    creator_id: str
    index_version: str
    profile: dict[str, Any]
    signals: dict[str, Any]
    flags: tuple[str, ...]
    recent_posts: tuple[dict[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"creator_id": self.creator_id, "index_version": self.index_version, "profile": self.profile,
                "signals": self.signals, "flags": list(self.flags), "recent_posts": list(self.recent_posts)}


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple | list | np.ndarray):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is pd.NaT or value is pd.NA:
        return None
    return value


def creator_profile(index: CreatorIndex, creator_id: str, row: int | None = None) -> CreatorProfile:
    """The creator `creator_id` of `index`; raises UnknownCreator when it is not there.

    `row` is the creator's row when the caller has found it already (`Matcher.profile`, by binary search); without
    it the id column is scanned (a pass over every creator). A negative row means not found."""
    creators = index.creators
    if row is None:
        # pandas compares Python strings exactly; numpy would drop trailing NULs ('c00000\x00' == 'c00000')
        positions = np.flatnonzero(creators["creator_id"].eq(creator_id).to_numpy())
        row = int(positions[0]) if len(positions) else -1
    if row < 0:
        raise UnknownCreator(f"creator_id: '{creator_id}' is not in index version {index.version}")
    record = creators.iloc[row]
    catalog = {c.name for c in CREATOR_COLUMNS}
    values = {k: parsed_mix(record[k]) if k in MIX_COLUMNS else record[k] for k in creators.columns}
    profile = {k: _plain(values[k]) for k in creators.columns if k in catalog and not k.startswith("_")}
    signals = {k: _plain(values[k]) for k in creators.columns
               if k not in catalog and k != "flags" and not k.startswith("_")}
    units = index.units
    start, end = np.searchsorted(units["creator_row"].to_numpy(dtype=np.int64), [row, row + 1])
    mine = units.iloc[int(start):int(end)]
    posts = tuple({"post_id": str(p), "caption": str(s)}
                  for src, p, s in zip(mine["source"], mine["post_id"], mine["shown"], strict=True)
                  if src == "caption")
    return CreatorProfile(str(creator_id), index.version, profile, signals,
                          tuple(str(f) for f in record["flags"]), posts)
