"""Synthetic in-memory index versions of any size, for measuring the engine at 10k to 1M creators.

Building a million-creator store through the real pipeline (validation, signals, embedding) takes
hours on this machine, so the benchmark builds the engine's in-memory structures directly:

- creator vectors are clustered Gaussian unit vectors: cluster centres near given anchor vectors
  (the taxonomy's niche descriptions as embedded by the real model, so real briefs land among the
  clusters as they would in a real catalog), each creator a centre plus isotropic noise, normalized.
  Uniform random vectors would make approximate search unrealistically hard (no structure to exploit);
- one text per creator (its bio), whose vector is the creator vector itself (no extra memory);
- signal columns drawn at random in their real ranges, and a `country` column laid out so that a
  country filter keeps exactly 100%, 10%, 1% or 0.1% of the creators (`SELECTIVITY_COUNTRIES`).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher import CreatorIndex

# the filter that keeps each share of creators: None = no filter
SELECTIVITY_COUNTRIES: dict[float, str | None] = {1.0: None, 0.1: "DE", 0.01: "AT", 0.001: "CH"}
_PLATFORMS = ("instagram", "tiktok", "youtube", "twitter")
_TIERS = ((10_000, "nano"), (100_000, "micro"), (1_000_000, "macro"))


def clustered_chunks(n: int, anchors: NDArray[np.float32], *, clusters: int = 2_000, spread: float = 0.6,
                     noise: float = 0.06, seed: int = 0, chunk: int = 100_000) -> Iterator[NDArray[np.float32]]:
    """`n` unit vectors in `clusters` Gaussian clusters whose centres lie around the `anchors`, `chunk` at a time.

    A centre is normalize(anchor + spread * gaussian / sqrt(d)); a vector is normalize(centre +
    noise * gaussian). Only one chunk is in memory at a time, so any `n` fits.
    """
    rng = np.random.default_rng(seed)
    anchors = np.asarray(anchors, dtype=np.float32)
    dimension = anchors.shape[1]
    centres = anchors[rng.integers(0, len(anchors), clusters)] + spread * rng.standard_normal(
        (clusters, dimension), dtype=np.float32) / np.sqrt(dimension)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    # cluster sizes vary like niches do: a few big ones, many small ones
    weights = rng.pareto(1.5, clusters) + 1.0
    weights /= weights.sum()
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        members = rng.choice(clusters, size=stop - start, p=weights)
        block = centres[members] + noise * rng.standard_normal((stop - start, dimension), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        yield block


def clustered_vectors(n: int, anchors: NDArray[np.float32], *, clusters: int = 2_000, spread: float = 0.6,
                      noise: float = 0.06, seed: int = 0, chunk: int = 100_000) -> NDArray[np.float32]:
    """The vectors of `clustered_chunks` in one array (the peak is one float32 copy of the result)."""
    out = np.empty((n, np.asarray(anchors).shape[1]), dtype=np.float32)
    start = 0
    for block in clustered_chunks(n, anchors, clusters=clusters, spread=spread, noise=noise, seed=seed, chunk=chunk):
        out[start:start + len(block)] = block
        start += len(block)
    return out


def synthetic_creators(n: int, seed: int = 0) -> pd.DataFrame:
    """A creator table with every column the engine reads, values drawn in their real ranges."""
    rng = np.random.default_rng(seed + 1)
    followers = np.round(10 ** rng.uniform(3, 6.5, n)).astype(np.int64)
    tier = np.full(n, "mega", dtype=object)
    for bound, name in reversed(_TIERS):
        tier[followers < bound] = name
    country = np.full(n, "US", dtype=object)
    order = rng.permutation(n)
    position = 0
    for share, code in SELECTIVITY_COUNTRIES.items():
        if code is None:
            continue
        count = max(1, round(n * share))
        country[order[position:position + count]] = code
        position += count
    price = np.where(rng.random(n) < 0.5, np.nan, followers * rng.uniform(0.005, 0.02, n))
    engagement_rate = rng.lognormal(-3.5, 0.6, n)
    ids = np.char.add("c", np.arange(n).astype(str)).astype(object)
    return pd.DataFrame({
        "creator_id": ids,
        "handle": np.char.add("@creator", np.arange(n).astype(str)).astype(object),
        "platform": np.asarray(_PLATFORMS, dtype=object)[rng.integers(0, len(_PLATFORMS), n)],
        "followers": followers,
        "tier": tier,
        "country": country,
        "language": "en",
        "price_per_post": price,
        "engagement_rate": engagement_rate,
        "engagement_score": rng.random(n),
        "engagement_confidence": rng.uniform(0.3, 1.0, n),
        "trust_score": rng.random(n),
        "trust_confidence": rng.uniform(0.3, 1.0, n),
        "loyalty_score": np.where(rng.random(n) < 0.3, np.nan, rng.random(n)),
        "loyalty_confidence": rng.uniform(0.0, 1.0, n),
        "cost_per_engagement": price / np.maximum(followers * engagement_rate, 1.0),
        "cost_score": np.where(np.isnan(price), np.nan, rng.random(n)),
        "cost_confidence": np.where(np.isnan(price), 0.0, 1.0),
        "audience_countries": None,
        "flags": [()] * n,
    })


def synthetic_index(n: int, anchors: NDArray[np.float32], *, seed: int = 0, version: str = "synthetic") -> CreatorIndex:
    """An in-memory index version of `n` synthetic creators (see the module docstring)."""
    vectors = clustered_vectors(n, anchors, seed=seed)
    units = pd.DataFrame({"creator_row": np.arange(n, dtype=np.int64), "source": "bio",
                          "post_id": "", "shown": "synthetic bio"})
    events = pd.DataFrame({"creator_id": pd.Series(dtype=object), "post_id": pd.Series(dtype=object),
                           "brand": pd.Series(dtype=object), "sponsored": pd.Series(dtype=bool),
                           "source": pd.Series(dtype=object), "posted_at": pd.Series(dtype="datetime64[ns, UTC]")})
    return CreatorIndex(version=version, creators=synthetic_creators(n, seed), creator_vectors=vectors,
                        units=units, unit_vectors=vectors, brand_events=events)
