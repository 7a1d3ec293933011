"""The audit export: one row per creator with tier, scores, confidences and flags."""

from __future__ import annotations

import json

import pandas as pd

AUDIT_COLUMNS = [
    "creator_id", "handle", "platform", "followers", "tier",
    "engagement_rate", "engagement_score", "engagement_confidence",
    "trust_score", "trust_confidence",
    "loyalty_score", "loyalty_confidence", "sponsored_posts", "sponsor_brands",
    "cost_per_engagement", "cost_score", "flags",
]
# inferred values, next to the catalog's own (present when the languages were inferred)
INFERRED_COLUMNS = ["language", "language_inferred", "language_inferred_confidence", "language_shares"]


def audit_table(signals: pd.DataFrame) -> pd.DataFrame:
    """The brand-safety/finance export of a signals table; flags joined with '; ', inferred values marked."""
    table = signals[AUDIT_COLUMNS[:-1]].copy()
    table["flags"] = ["; ".join(flags) for flags in signals["flags"]]
    for column in INFERRED_COLUMNS:
        if column in signals.columns:
            values = signals[column]
            table[column] = [json.dumps(v) if isinstance(v, dict) else v for v in values] \
                if column == "language_shares" else values
    return table
