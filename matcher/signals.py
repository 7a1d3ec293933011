"""All per-creator signals of a catalog in one table: tier, engagement, trust, loyalty, cost, flags."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from matcher.catalog import Catalog
from matcher.cost import cost_signal
from matcher.engagement import engagement_signal
from matcher.loyalty import brand_events, loyalty_signal, sponsored_flags
from matcher.protocols import TextMemo
from matcher.settings import MatchSettings
from matcher.tiers import assign_tiers
from matcher.trust import trust_components, trust_flags, trust_signal

MIN_LIKES_FOR_COMMENT_BALANCE = 20
MIN_POSTS_FOR_SPONSORED_SHARE = 3
MANY_SPONSORS = 4


class SignalTable(NamedTuple):
    """Creators with their signal columns, and the brand mentions found in their posts."""

    creators: pd.DataFrame
    brand_events: pd.DataFrame


NO_POSTS_FLAG = "no posts in the catalog: matched on the bio; engagement, loyalty and cost unknown"


def recent_posts(posts: pd.DataFrame, per_creator: int) -> pd.DataFrame:
    """The `per_creator` newest posts of each creator, newest first."""
    ordered = posts.sort_values(["creator_id", "posted_at"], ascending=[True, False], kind="stable")
    return ordered.groupby("creator_id", sort=False).head(per_creator).reset_index(drop=True)


def catalog_as_of(catalog: Catalog) -> pd.Timestamp:
    """The catalog's snapshot date: its newest post or account, else now (for account ages)."""
    stamps = [catalog.posts["posted_at"].max(), catalog.creators["account_created_at"].max()]
    known = [s for s in stamps if not pd.isna(s)]
    return max(known) if known else pd.Timestamp.now(tz="UTC")


def compute_signals(catalog: Catalog, settings: MatchSettings, as_of: pd.Timestamp | None = None,
                    brand_memo: TextMemo | None = None) -> SignalTable:
    """Compute every signal of every creator; missing data stays NaN with confidence 0.

    `brand_memo` keeps each post's brands between builds (`brand_events`).
    """
    creators = catalog.creators.copy()
    ids = creators["creator_id"]
    # detected once for every post: the recent posts' sponsored share and the brand events both read it
    sponsored = sponsored_flags(catalog.posts)
    recent = recent_posts(catalog.posts.assign(sponsored=sponsored), settings.recent_posts)
    tiers = assign_tiers(creators["followers"], settings.tiers)
    creators["tier"] = tiers

    engagement = engagement_signal(creators, recent, tiers, settings.min_group_size)
    creators["engagement_rate"] = engagement.rate
    creators["engagement_basis"] = engagement.basis
    creators["engagement_score"] = engagement.score
    creators["engagement_confidence"] = engagement.confidence
    creators["recent_posts_used"] = engagement.posts_used

    by_creator = recent.assign(interactions=recent["likes"] + recent["comments"])
    grouped = by_creator.groupby("creator_id")
    likes = ids.map(grouped["likes"].sum()).to_numpy(dtype=float)
    comments = ids.map(grouped["comments"].sum()).to_numpy(dtype=float)
    n_recent = ids.map(grouped.size()).fillna(0).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        comments_per_like = np.where(likes >= MIN_LIKES_FOR_COMMENT_BALANCE, comments / likes, np.nan)
        engagement_vs_group = engagement.rate / engagement.group_median
        share = np.where(n_recent >= MIN_POSTS_FOR_SPONSORED_SHARE,
                         ids.map(grouped["sponsored"].mean()).to_numpy(dtype=float), np.nan)
    reference = as_of if as_of is not None else catalog_as_of(catalog)
    age_days = ((reference - creators["account_created_at"]).dt.total_seconds() / 86400.0).to_numpy(dtype=float)
    bios = creators["bio"].str.strip() != ""
    # a catalog that carries no bio at all says nothing about any one creator's profile
    has_bio = bios.to_numpy(dtype=np.float64) if bios.any() else np.full(len(creators), np.nan)
    raw = {
        "followers": creators["followers"].to_numpy(dtype=float),
        "following": creators["following"].to_numpy(dtype=float),
        "posts_count": creators["posts_count"].to_numpy(dtype=float),
        "account_age_days": age_days,
        "comments_per_like": comments_per_like,
        "engagement_vs_group": engagement_vs_group,
        "sponsored_share": share,
        "fake_follower_pct": creators["fake_follower_pct"].to_numpy(dtype=float),
    }
    components = trust_components(has_bio=has_bio, **raw)
    trust = trust_signal(components)
    creators["trust_score"] = trust.score
    creators["trust_confidence"] = trust.confidence
    for name, values in components.items():
        creators[f"trust_{name}"] = values
    creators["account_age_days"] = age_days
    creators["comments_per_like"] = comments_per_like
    creators["sponsored_share"] = share

    events = brand_events(catalog.posts, sponsored, brand_memo)
    loyalty = loyalty_signal(ids, events)
    creators["loyalty_score"] = loyalty.score
    creators["loyalty_confidence"] = loyalty.confidence
    creators["sponsored_posts"] = loyalty.sponsored_posts
    creators["sponsor_brands"] = loyalty.sponsor_brands
    creators["repeat_partner_share"] = loyalty.repeat_share

    expected = ids.map(grouped["interactions"].median()).to_numpy(dtype=float)
    cost = cost_signal(creators["price_per_post"].to_numpy(dtype=float), expected, engagement.confidence)
    creators["expected_engagements"] = expected
    creators["cost_per_engagement"] = cost.cost_per_engagement
    creators["cost_score"] = cost.score
    creators["cost_confidence"] = cost.confidence

    flags = trust_flags(components, raw)
    for i in np.flatnonzero(ids.map(catalog.posts["creator_id"].value_counts()).fillna(0).to_numpy() == 0):
        flags[i].append(NO_POSTS_FLAG)  # matched on the bio alone; engagement, loyalty and cost unknown
    for i in np.flatnonzero(loyalty.sponsor_brands >= MANY_SPONSORS):
        flags[i].append(f"promotes {loyalty.sponsor_brands[i]} different brands")
    creators["flags"] = flags
    return SignalTable(creators, events)
