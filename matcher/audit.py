"""The audit export: one row per creator with tier, scores, confidences and flags."""

from __future__ import annotations

import pandas as pd

AUDIT_COLUMNS = [
    "creator_id", "handle", "platform", "followers", "tier",
    "engagement_rate", "engagement_score", "engagement_confidence",
    "trust_score", "trust_confidence",
    "loyalty_score", "loyalty_confidence", "sponsored_posts", "sponsor_brands",
    "cost_per_engagement", "cost_score", "flags",
]


def audit_table(signals: pd.DataFrame) -> pd.DataFrame:
    """The brand-safety/finance export of a signals table; flags joined with '; '."""
    table = signals[AUDIT_COLUMNS[:-1]].copy()
    table["flags"] = ["; ".join(flags) for flags in signals["flags"]]
    return table
