"""Catalog schema v1, the interchange contract of ../shared/DESIGN.md, as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SCHEMA_VERSION = 1

PLATFORMS: tuple[str, ...] = ("instagram", "tiktok", "youtube", "twitter", "facebook", "twitch", "blog", "other")
# Engagement on these is judged per view when views are known: reach there is not follower-bound.
VIDEO_PLATFORMS: frozenset[str] = frozenset({"tiktok", "youtube", "twitch"})

ColumnKind = Literal[
    "id", "string", "text", "platform", "count", "money", "percent", "bool", "timestamp",
    "country", "language", "list", "shares",
]


@dataclass(frozen=True)
class Column:
    """One column of a catalog table: its name, kind and whether a row needs it."""

    name: str
    kind: ColumnKind
    required: bool = False


CREATOR_COLUMNS: tuple[Column, ...] = (
    Column("creator_id", "id", True),
    Column("handle", "id", True),
    Column("platform", "platform", True),
    Column("followers", "count", True),
    Column("following", "count"),
    Column("posts_count", "count"),
    Column("bio", "text"),
    Column("display_name", "string"),
    Column("country", "country"),
    Column("language", "language"),
    Column("categories", "list"),
    Column("email", "string"),
    Column("price_per_post", "money"),
    Column("verified", "bool"),
    Column("account_created_at", "timestamp"),
    Column("fake_follower_pct", "percent"),
    Column("audience_countries", "shares"),
    Column("audience_age", "shares"),
    Column("audience_gender", "shares"),
)

POST_COLUMNS: tuple[Column, ...] = (
    Column("creator_id", "id", True),
    Column("post_id", "id", True),
    Column("posted_at", "timestamp", True),
    Column("caption", "text", True),
    Column("likes", "count", True),
    Column("comments", "count", True),
    Column("views", "count"),
    Column("is_sponsored", "bool"),
    Column("brand_mentions", "list"),
)

TIERS: tuple[str, ...] = ("nano", "micro", "macro", "mega")
