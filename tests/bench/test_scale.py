"""Retrieval at scale: the exact answers kept chunk by chunk, the filter buckets, and one small run end to end."""

from __future__ import annotations

import numpy as np

from bench.scale import BUCKETS, SELECTIVITIES, ExactTopK, allowed_by, bucket_of, run_size


def _unit(rows: int, dimension: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(rows, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_buckets_are_uniform_and_fixed_per_row() -> None:
    buckets = bucket_of(np.arange(200_000, dtype=np.int64))
    assert buckets.max() < BUCKETS and np.array_equal(buckets[:10], bucket_of(np.arange(10, dtype=np.int64)))
    for selectivity in (0.1, 0.01, 0.001):
        kept = allowed_by(buckets, selectivity)
        assert kept is not None and abs(kept.mean() - selectivity) < 0.2 * selectivity
    assert allowed_by(buckets, 1.0) is None


def test_the_exact_top_k_merged_chunk_by_chunk_equals_one_brute_force_pass() -> None:
    vectors, queries = _unit(5_000, 8, 1), _unit(6, 8, 2)
    buckets = bucket_of(np.arange(len(vectors), dtype=np.int64))
    exact = ExactTopK(queries, k=10)
    for start in range(0, len(vectors), 700):  # uneven chunks, the last one short
        exact.add(vectors[start:start + 700], start, buckets[start:start + 700])
    similarity = queries @ vectors.T
    for selectivity in SELECTIVITIES:
        allowed = allowed_by(buckets, selectivity)
        for query, found in enumerate(exact.truth(selectivity)):
            rows = np.arange(len(vectors)) if allowed is None else np.flatnonzero(allowed)
            best = rows[np.argsort(-similarity[query, rows])[:10]]
            assert found == set(best.tolist())


def test_a_small_run_builds_loads_and_finds_the_exact_top_10(tmp_path) -> None:
    anchors, queries = _unit(12, 32, 3), _unit(15, 32, 4)
    rows = run_size(tmp_path, 20_000, anchors, queries, "IVF64,PQ16x4fs", echo=lambda _: None)
    assert [(r.selectivity, r.k) for r in rows] == [(1.0, 10), (0.1, 10), (0.01, 10), (0.001, 10), (1.0, 1000)]
    assert all(r.recall_at_10 >= 0.9 for r in rows[:4])
    assert all(r.index_type == "IVF64,PQ16x4fs" and r.p50_ms > 0 and r.rss_after_mib > 0 for r in rows)
    assert rows[0].raw_vectors_mib == round(20_000 * 32 * 4 / 2**20, 1)  # 2.44 MiB, shown to 0.1
    assert not (tmp_path / "scale-20000").exists()  # the generated catalog is removed


def test_the_http_bench_never_sends_the_same_brief_twice() -> None:
    from bench.api_latency import unique_brief

    # the follower bound varies fastest (480 values), then the constraint (12), the niche (45), the opening (8)
    assert unique_brief(0).endswith(", under 20k followers") and unique_brief(479).endswith(", under 499k followers")
    assert unique_brief(480).endswith(" on TikTok, under 20k followers")
    numbers = list(range(0, 2_073_600, 37))
    assert len({unique_brief(n) for n in numbers}) == len(numbers)
