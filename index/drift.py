"""What changed between the serving version and a new build: creators and signal distributions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from matcher import CreatorIndex, MatchSettings

SIGNALS = ("engagement_score", "trust_score", "loyalty_score", "cost_score")
_PROFILE = ("handle", "platform", "followers", "following", "posts_count", "bio", "price_per_post")


def _summary(values: pd.Series) -> dict[str, float | None]:
    known = values.dropna().to_numpy(dtype=float)
    def rounded(x: float) -> float:
        return round(float(x), 4)
    return {
        "mean": rounded(known.mean()) if len(known) else None,
        "median": rounded(np.median(known)) if len(known) else None,
        "missing_share": rounded(1 - len(known) / len(values)) if len(values) else None,
    }


# the inferred attributes whose mix the report shows: (value column, confidence column, the field whose
# confidence setting a value must reach to be used; niche tags have none)
MIXES = {"languages": ("language_inferred", "language_inferred_confidence", "language"),
         "countries": ("country_inferred", "country_inferred_confidence", "country"),
         "niche tags": ("niche_tags", "", "")}


def inferred_mix(creators: pd.DataFrame, column: str, confidence: str, min_confidence: float = 0.6,
                 top: int = 8) -> dict[str, float]:
    """Share of creators per inferred value sure enough to be used (the `top` most common, then 'other' and
    'unknown'); for a list column without a confidence (niche tags), per first value."""
    if column not in creators.columns or len(creators) == 0:
        return {}
    if confidence:
        values = creators[column].where(creators[confidence].to_numpy(dtype=float) >= min_confidence)
    else:  # a list column (niche tags): the first, most shared one
        values = pd.Series([v[0] if isinstance(v, tuple | list) and len(v) else None for v in creators[column]],
                           index=creators.index, dtype=object)
    counts = values.fillna("unknown").value_counts()
    shares = (counts / len(creators)).round(4)
    kept = {str(k): float(v) for k, v in shares.items() if k != "unknown"}
    head = dict(sorted(kept.items(), key=lambda item: -item[1])[:top])
    rest = round(sum(kept.values()) - sum(head.values()), 4)
    return {**head, **({"other": rest} if rest > 0 else {}), "unknown": float(shares.get("unknown", 0.0))}


def drift_report(previous: CreatorIndex | None, current: CreatorIndex, rejected_rows: int,
                 settings: MatchSettings | None = None) -> dict[str, Any]:
    """Creators added, removed and changed (profile or content vector), and how each signal moved; the inferred
    mixes count values as confident as `settings` (the build's) requires."""
    settings = settings or MatchSettings()

    def mix(creators: pd.DataFrame, column: str, confidence: str, field: str) -> dict[str, float]:
        return inferred_mix(creators, column, confidence, settings.min_confidence(field) if field else 0.0)

    now = current.creators.set_index("creator_id")
    report: dict[str, Any] = {"version": current.version, "rejected_rows": rejected_rows,
                              "creators": len(now), "previous_version": None}
    if previous is None:
        report.update(added=len(now), removed=0, changed=0,
                      signals={s: {"before": None, "after": _summary(now[s])} for s in SIGNALS},
                      **{name: {"before": None, "after": mix(current.creators, *columns)}
                         for name, columns in MIXES.items()})
        return report
    before = previous.creators.set_index("creator_id")
    common = before.index.intersection(now.index)
    profile = [c for c in _PROFILE if c in before.columns and c in now.columns]
    old, new = before.loc[common, profile], now.loc[common, profile]
    profile_changed = ~((old == new) | (old.isna() & new.isna())).all(axis=1)
    old_rows = pd.Series(np.arange(len(before)), index=before.index).loc[common].to_numpy()
    new_rows = pd.Series(np.arange(len(now)), index=now.index).loc[common].to_numpy()
    old_vectors = previous.creator_vectors[old_rows].astype(np.float32)
    new_vectors = current.creator_vectors[new_rows].astype(np.float32)
    # a version beside a compressed index keeps float16 vectors: compare at the coarser of the two precisions
    half = np.float16 in (previous.creator_vectors.dtype, current.creator_vectors.dtype)
    if half:
        new_vectors = new_vectors.astype(np.float16).astype(np.float32)
        old_vectors = old_vectors.astype(np.float16).astype(np.float32)
    vector_changed = np.abs(old_vectors - new_vectors).max(axis=1) > 1e-6
    changed = profile_changed.to_numpy() | vector_changed
    report.update(
        previous_version=previous.version,
        added=len(now.index.difference(before.index)),
        removed=len(before.index.difference(now.index)),
        changed=int(changed.sum()),
        changed_examples=[str(c) for c in common[changed][:10]],
        signals={s: {"before": _summary(before[s]), "after": _summary(now[s])} for s in SIGNALS},
        **{name: {"before": mix(previous.creators, *columns),
                  "after": mix(current.creators, *columns)} for name, columns in MIXES.items()},
    )
    return report


def drift_lines(report: dict[str, Any]) -> list[str]:
    """The drift report in a few human lines."""
    lines = [f"drift vs {report['previous_version'] or 'nothing (first build)'}: +{report['added']:,} added, "
             f"-{report['removed']:,} removed, {report['changed']:,} changed, "
             f"{report['rejected_rows']:,} rows rejected"]
    for name, moved in report["signals"].items():
        before, after = moved["before"], moved["after"]
        if before is None:
            lines.append(f"  {name}: mean {after['mean']}, missing {after['missing_share']}")
        else:
            lines.append(f"  {name}: mean {before['mean']} -> {after['mean']}, "
                         f"missing {before['missing_share']} -> {after['missing_share']}")
    for name in MIXES:
        mix = report.get(name) or {}
        if mix.get("after"):
            shown = ", ".join(f"{k} {v:.1%}" for k, v in mix["after"].items())
            lines.append(f"  inferred {name}: {shown}" + (
                "" if not mix.get("before") else " (before: " + ", ".join(
                    f"{k} {v:.1%}" for k, v in mix["before"].items()) + ")"))
    return lines
