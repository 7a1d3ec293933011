"""Engine query latency (brief embedding + search + filters + re-rank + explanation) and recall, per index type.

Every figure of one catalog size comes from one process and one synthetic catalog, index types measured
one after the other on the same briefs, so ratios between them are side by side.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from bench.synthetic import SELECTIVITY_COUNTRIES, synthetic_index
from index import FLAT, FaissSearch
from matcher import CreatorIndex, Encoder, Filters, Matcher, MatchSettings
from matcher.prepared import description_vectors
from matcher.taxonomy import NICHES

_OPENINGS = ("Looking for creators who post about", "Brand campaign for", "We want influencers into",
             "Find accounts about")


def example_briefs(count: int) -> list[str]:
    """`count` briefs without hard constraints, one per taxonomy niche and wording, in a fixed order."""
    briefs = []
    for i in range(count):
        _, description = NICHES[i % len(NICHES)]
        topic = description.split(":", 1)[1].strip().rstrip(".")
        briefs.append(f"{_OPENINGS[(i // len(NICHES)) % len(_OPENINGS)]} {topic}")
    return briefs


@dataclass(frozen=True)
class LatencyRow:
    """Engine latency of one index type at one catalog size and k, with recall@10 against Flat."""

    creators: int
    index_type: str
    k: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    recall_at_10: float
    build_s: float


@dataclass(frozen=True)
class FilteredRow:
    """Filtered engine queries: recall against the exact filtered answer, p99 against the unfiltered p99."""

    creators: int
    index_type: str
    selectivity: float
    eligible: int
    recall_at_10: float
    p99_ms: float
    p99_ratio: float


def percentiles(milliseconds: Sequence[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 of a list of timings."""
    values = np.percentile(np.asarray(milliseconds, dtype=float), [50, 95, 99])
    return float(values[0]), float(values[1]), float(values[2])


def _timed(matcher: Matcher, briefs: Sequence[str], k: int,
           filters: Filters | None = None) -> tuple[list[float], list[list[str]]]:
    times, answers = [], []
    for brief in briefs:
        start = time.perf_counter()
        response = matcher.match(brief, k=k, filters=filters)
        times.append((time.perf_counter() - start) * 1000)
        answers.append([m.creator_id for m in response.results])
    return times, answers


def _recall(found: list[list[str]], truth: list[list[str]], at: int = 10) -> float:
    scores = [len(set(f[:at]) & set(t[:at])) / max(1, min(at, len(t))) for f, t in zip(found, truth, strict=True)]
    return float(np.mean(scores)) if scores else float("nan")


def measure_size(index: CreatorIndex, encoder: Encoder, index_types: Sequence[str], briefs: Sequence[str], *,
                 ks: Sequence[int] = (10, 100), selectivities: Sequence[float] = (1.0, 0.1, 0.01, 0.001),
                 settings: MatchSettings | None = None) -> tuple[list[LatencyRow], list[FilteredRow]]:
    """Latency rows and filtered rows for every index type over one index version (Flat is the reference)."""
    settings = settings or MatchSettings()
    size = len(index.creators)
    # the taxonomies' texts are embedded once per size, not once per index type
    index = replace(index, description_vectors=index.description_vectors or description_vectors(encoder))
    truth: dict[tuple[str, float, int], list[list[str]]] = {}
    latency: list[LatencyRow] = []
    filtered: list[FilteredRow] = []
    for index_type in [FLAT, *[t for t in index_types if t != FLAT]]:
        start = time.perf_counter()
        search = FaissSearch.from_vectors(index.creator_vectors, index_type)
        build_seconds = time.perf_counter() - start
        matcher = Matcher(index, encoder, search, settings)
        _timed(matcher, briefs[:3], 10)  # warm-up: first-call allocations and caches
        unfiltered_p99 = 0.0
        for k in ks:
            times, answers = _timed(matcher, briefs, k)
            if index_type == FLAT:
                truth[("", 1.0, k)] = answers
            p50, p95, p99 = percentiles(times)
            if k == ks[0]:
                unfiltered_p99 = p99
            latency.append(LatencyRow(size, index_type, k, p50, p95, p99, _recall(answers, truth[("", 1.0, k)]),
                                      build_seconds))
        for share in selectivities:
            code = SELECTIVITY_COUNTRIES[share]
            filters = Filters(countries=(code,)) if code else None
            times, answers = _timed(matcher, briefs, ks[0], filters)
            if index_type == FLAT:
                truth[("filter", share, ks[0])] = answers
            eligible = size if code is None else int((index.creators["country"] == code).sum())
            p99 = percentiles(times)[2]
            filtered.append(FilteredRow(size, index_type, share, eligible,
                                        _recall(answers, truth[("filter", share, ks[0])]), p99,
                                        p99 / unfiltered_p99 if unfiltered_p99 else float("nan")))
        del matcher, search
        gc.collect()
    return latency, filtered


def run_latency(encoder: Encoder, sizes: Sequence[int], index_types: Mapping[int, Sequence[str]], queries: int,
                *, ks: Sequence[int] = (10, 100), seed: int = 0) -> tuple[list[LatencyRow], list[FilteredRow]]:
    """Latency and filtered rows for each catalog size (a synthetic catalog per size, built then freed)."""
    anchors = encoder.encode([description for _, description in NICHES])
    briefs = example_briefs(queries)
    latency: list[LatencyRow] = []
    filtered: list[FilteredRow] = []
    for size in sizes:
        index = synthetic_index(size, anchors, seed=seed)
        rows, filter_rows = measure_size(index, encoder, index_types.get(size, ()), briefs, ks=ks)
        latency += rows
        filtered += filter_rows
        del index
        gc.collect()
    return latency, filtered
