"""Trust (authenticity): is the audience real and the activity organic?

Profile rules follow the fake-follower criteria reviewed in Cresci et al., "Fame for sale",
Decision Support Systems 80 (2015): Camisani-Calzolari (a bio, >= 50 posts, following <= 2x
followers) and Socialbakers FakeFollowerCheck (following:followers of 50:1 suspicious, accounts
under two months not yet judgeable). Post rules follow the field's audit practice (bought likes
bring no comments; engagement far off the norm for the size; ad-heavy feeds). Every midpoint is a
round threshold from those rules, not a value fitted to data.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from matcher.scales import falling, rising, weighted_mean

TRUST_WEIGHTS: dict[str, float] = {
    "balance": 1.0,       # following/followers: 10:1 scores 0.5 (geometric middle of 2:1 and 50:1)
    "activity": 1.0,      # total posts: 50 scores 0.5 (Camisani-Calzolari)
    "age": 0.5,           # account age: 180 days scores 0.5 (two months is too young to judge)
    "completeness": 0.5,  # has a bio
    "comment_balance": 1.0,  # comments per like: 0.2% and 50% score 0.5, 1-10% is normal
    "engagement_fit": 1.0,   # engagement vs the group median: 1/10 and 10x score 0.5
    "sponsored_share": 0.5,  # share of recent posts sponsored: 30% scores 1, 80% scores 0
    "vendor_audit": 2.0,     # audit vendor's fake-follower %: 0% scores 1, 50% scores 0
}


class TrustSignal(NamedTuple):
    """Trust score (weighted mean of the available components), its confidence and the parts."""

    score: NDArray[np.float64]
    confidence: NDArray[np.float64]
    components: dict[str, NDArray[np.float64]]


def trust_components(
    followers: ArrayLike,
    following: ArrayLike,
    posts_count: ArrayLike,
    has_bio: ArrayLike,
    account_age_days: ArrayLike,
    comments_per_like: ArrayLike,
    engagement_vs_group: ArrayLike,
    sponsored_share: ArrayLike,
    fake_follower_pct: ArrayLike,
) -> dict[str, NDArray[np.float64]]:
    """Each trust component on 0..1 (higher is more trustworthy); NaN input gives NaN (missing)."""
    ratio = (np.asarray(following, float) + 1.0) / (np.asarray(followers, float) + 1.0)
    return {
        "balance": falling(ratio, 10.0, 2.0),
        "activity": rising(np.asarray(posts_count, float) + 1.0, 50.0, 1.0),
        "age": rising(np.clip(np.asarray(account_age_days, float), 0.0, None), 180.0, 2.0),
        "completeness": np.asarray(has_bio, float),
        "comment_balance": rising(comments_per_like, 0.002, 2.0) * falling(comments_per_like, 0.5, 2.0),
        "engagement_fit": rising(engagement_vs_group, 0.1, 2.0) * falling(engagement_vs_group, 10.0, 2.0),
        "sponsored_share": np.clip(1.0 - (np.asarray(sponsored_share, float) - 0.3) / 0.5, 0.0, 1.0),
        "vendor_audit": np.clip(1.0 - np.asarray(fake_follower_pct, float) / 50.0, 0.0, 1.0),
    }


def trust_signal(components: dict[str, NDArray[np.float64]],
                 weights: dict[str, float] | None = None) -> TrustSignal:
    """Combine trust components into one score: the weighted mean of those available.

    The confidence is the share of the total weight that was available.
    """
    weights = TRUST_WEIGHTS if weights is None else weights
    score, confidence = weighted_mean(components, weights)
    return TrustSignal(score, confidence, components)


def trust_flags(components: dict[str, NDArray[np.float64]], raw: dict[str, NDArray[np.float64]]) -> list[list[str]]:
    """Human-readable warnings for each creator whose trust component falls below 0.5."""
    n = len(next(iter(components.values())))
    flags: list[list[str]] = [[] for _ in range(n)]
    checks = [
        ("balance", lambda i: f"follows far more accounts than follow back ({raw['following'][i]:,.0f} "
                              f"following, {raw['followers'][i]:,.0f} followers)"),
        ("activity", lambda i: f"very few posts ({raw['posts_count'][i]:,.0f})"),
        ("age", lambda i: f"young account ({raw['account_age_days'][i]:,.0f} days old)"),
        ("comment_balance", lambda i: f"comments out of line with likes ({100 * raw['comments_per_like'][i]:.2f}% "
                                      "comments per like)"),
        ("engagement_fit", lambda i: ("followers far exceed engagement"
                                      if raw["engagement_vs_group"][i] < 1 else
                                      "engagement far above creators of its size")
                                     + f" ({raw['engagement_vs_group'][i]:.2f}x the group median)"),
        ("sponsored_share", lambda i: f"{100 * raw['sponsored_share'][i]:.0f}% of recent posts are sponsored"),
        ("vendor_audit", lambda i: f"audit vendor reports {raw['fake_follower_pct'][i]:.0f}% fake followers"),
    ]
    for name, message in checks:
        low = np.flatnonzero(components[name] < 0.5)  # NaN compares False: missing raises no flag
        for i in low:
            flags[i].append(message(i))
    return flags
