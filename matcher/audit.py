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
INFERRED_COLUMNS = ["language", "language_inferred", "language_inferred_confidence", "language_shares",
                    "country", "country_inferred", "country_inferred_confidence", "country_weights",
                    "sensitive_shares", "sensitive_confidence", "sensitive_evidence"]
_DICT_COLUMNS = ("language_shares", "country_weights", "sensitive_shares", "sensitive_evidence")


def audit_table(signals: pd.DataFrame) -> pd.DataFrame:
    """The brand-safety/finance export of a signals table; flags joined with '; ', inferred values marked."""
    table = signals[AUDIT_COLUMNS[:-1]].copy()
    table["flags"] = ["; ".join(flags) for flags in signals["flags"]]
    for column in INFERRED_COLUMNS:
        if column in signals.columns:
            values = signals[column]
            table[column] = [json.dumps(v) if isinstance(v, dict) else v for v in values] \
                if column in _DICT_COLUMNS else values
    return table


def infer_attributes(creators: pd.DataFrame, posts: pd.DataFrame, recent: int) -> pd.DataFrame:
    """`creators` with the inferred language, country and sensitive-content columns a build adds, from the same
    texts (bio and the `recent` latest captions), without an index."""
    import numpy as np

    from matcher.documents import creator_units
    from matcher.languages import Py3LangId, infer_languages
    from matcher.locations import infer_countries
    from matcher.safety import as_rows, caption_topics, reads_as_english, sensitive_content
    from matcher.signals import recent_posts

    out = infer_languages(creators, posts, recent)
    units = creator_units(creators, recent_posts(posts, recent))
    homes = infer_countries(creators, units)
    out["country_inferred"] = homes.country
    out["country_inferred_confidence"] = np.asarray(homes.confidence)
    out["country_weights"] = pd.Series(homes.weights, index=out.index, dtype=object)
    captions = units[units["source"] == "caption"]
    identified = Py3LangId().identify(captions["text"].tolist())
    english = reads_as_english(identified)
    sensitive = sensitive_content(
        captions["creator_row"].to_numpy(dtype=np.int64),
        as_rows([caption_topics(text, is_english) for text, is_english in
                 zip(captions["shown"].tolist(), english, strict=True)]),
        captions["post_id"].tolist(), len(creators))
    out["sensitive_shares"] = pd.Series(sensitive.shares, index=out.index, dtype=object)
    out["sensitive_confidence"] = sensitive.confidence
    out["sensitive_evidence"] = pd.Series(sensitive.evidence, index=out.index, dtype=object)
    return out
