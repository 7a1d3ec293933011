"""The filtered FAISS search against a brute-force numpy reference."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from index import FaissSearch


def brute_force(vectors: np.ndarray, query: np.ndarray, k: int, allowed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows = np.flatnonzero(allowed)
    similarity = vectors[rows] @ query
    order = np.argsort(-similarity, kind="stable")[:k]
    return similarity[order], rows[order]


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(11)
    vectors = rng.normal(size=(20_000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = rng.normal(size=(5, 32)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    return vectors, queries


@pytest.mark.parametrize("selectivity", [1.0, 0.1, 0.01, 0.001])
def test_filtered_search_equals_brute_force(data: tuple[np.ndarray, np.ndarray], selectivity: float) -> None:
    vectors, queries = data
    rng = np.random.default_rng(int(selectivity * 1000) + 1)
    allowed = np.zeros(len(vectors), dtype=bool)
    allowed[rng.choice(len(vectors), size=max(1, int(len(vectors) * selectivity)), replace=False)] = True
    search = FaissSearch.from_vectors(vectors)
    k = 10
    for query in queries:
        similarity, rows = search.search(query, k, allowed)
        expected_similarity, expected_rows = brute_force(vectors, query, k, allowed)
        assert len(rows) == min(k, int(allowed.sum()))  # 0.1% of 20,000 = 20 allowed: still 10 results
        assert allowed[rows].all()
        assert rows.tolist() == expected_rows.tolist()
        assert similarity == pytest.approx(expected_similarity, abs=1e-5)


def test_fewer_allowed_than_k_returns_all_allowed(data: tuple[np.ndarray, np.ndarray]) -> None:
    vectors, queries = data
    allowed = np.zeros(len(vectors), dtype=bool)
    allowed[[5, 17, 900]] = True
    _, rows = FaissSearch.from_vectors(vectors).search(queries[0], 10, allowed)
    assert sorted(rows.tolist()) == [5, 17, 900]
    _, none = FaissSearch.from_vectors(vectors).search(queries[0], 10, np.zeros(len(vectors), dtype=bool))
    assert len(none) == 0


def test_unfiltered_search_and_round_trip(tmp_path, data: tuple[np.ndarray, np.ndarray]) -> None:
    vectors, queries = data
    search = FaissSearch.from_vectors(vectors)
    search.save(tmp_path / "i.faiss")
    loaded = FaissSearch.load(tmp_path / "i.faiss")
    _, rows = loaded.search(queries[1], 7)
    _, expected_rows = brute_force(vectors, queries[1], 7, np.ones(len(vectors), dtype=bool))
    assert rows.tolist() == expected_rows.tolist()
    assert np.array_equal(loaded.vectors(), vectors)
    with pytest.raises(ValueError, match="allowed mask has shape"):
        loaded.search(queries[0], 3, np.ones(5, dtype=bool))


@pytest.fixture(scope="module")
def clustered() -> tuple[np.ndarray, np.ndarray]:
    """Vectors around 40 topics (like creators around niches), and queries near random topics."""
    rng = np.random.default_rng(5)
    centers = rng.normal(size=(40, 32))
    vectors = centers[rng.integers(0, 40, size=8_000)] + rng.normal(scale=0.6, size=(8_000, 32))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    queries = centers[rng.integers(0, 40, size=20)] + rng.normal(scale=0.6, size=(20, 32))
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    return vectors, queries


@pytest.fixture(scope="module")
def built(clustered) -> dict[str, FaissSearch]:
    """Each approximate index built once over the clustered vectors."""
    vectors, _ = clustered
    return {name: FaissSearch.from_vectors(vectors, name) for name in ("HNSW32", "IVF64,PQ8", "IVF32,Flat")}


@pytest.mark.parametrize(("index_type", "min_recall"), [("HNSW32", 0.95), ("IVF64,PQ8", 0.85), ("IVF32,Flat", 0.95)])
def test_approximate_index_types_against_brute_force(clustered, built, index_type: str, min_recall: float) -> None:
    vectors, queries = clustered
    search = built[index_type]
    assert not search.exact and search.size == len(vectors)
    everything = np.ones(len(vectors), dtype=bool)
    recalls = []
    for query in queries:
        similarity, rows = search.search(query, 10)
        _, expected_rows = brute_force(vectors, query, 10, everything)
        recalls.append(len(set(rows) & set(expected_rows)) / 10)
        # whatever the index type, returned scores are exact and in order
        assert np.allclose(similarity, vectors[rows] @ query, atol=1e-5)
        assert np.all(np.diff(similarity) <= 1e-6)
    assert np.mean(recalls) >= min_recall


@pytest.mark.parametrize("index_type", ["HNSW32", "IVF64,PQ8"])
@pytest.mark.parametrize("selectivity", [0.5, 0.05, 0.001])
@pytest.mark.parametrize("exact_subset_limit", [0, 20_000])
def test_approximate_index_respects_filters(clustered, built, index_type: str, selectivity: float,
                                            exact_subset_limit: int) -> None:
    vectors, queries = clustered
    search = FaissSearch(built[index_type]._index, vectors)
    # limit 0: the filter goes into the HNSW walk / IVF scan; 20,000: these allowed sets are scanned exactly
    search.exact_subset_limit = exact_subset_limit
    rng = np.random.default_rng(2)
    allowed = np.zeros(len(vectors), dtype=bool)
    allowed[rng.choice(len(vectors), size=max(1, int(len(vectors) * selectivity)), replace=False)] = True
    recalls = []
    for query in queries[:10]:
        _, rows = search.search(query, 10, allowed)
        assert len(rows) == min(10, int(allowed.sum())) and allowed[rows].all()
        _, expected_rows = brute_force(vectors, query, 10, allowed)
        recalls.append(len(set(rows) & set(expected_rows)) / len(expected_rows))
    assert np.mean(recalls) == 1.0 if exact_subset_limit else np.mean(recalls) >= 0.8


def test_index_type_errors_name_the_problem(clustered) -> None:
    vectors, _ = clustered
    from index import IndexTypeError

    with pytest.raises(IndexTypeError, match="'NoSuchIndex'"):
        FaissSearch.from_vectors(vectors, "NoSuchIndex")
    with pytest.raises(IndexTypeError, match="needs at least 256 vectors to train; the catalog has 100"):
        FaissSearch.from_vectors(vectors[:100], "IVF16,PQ8")


def test_approximate_index_round_trips_through_a_file(clustered, built, tmp_path) -> None:
    vectors, queries = clustered
    search = built["IVF32,Flat"]
    search.save(tmp_path / "index.faiss")
    loaded = FaissSearch.load(tmp_path / "index.faiss", vectors)
    for query in queries[:3]:
        assert np.array_equal(loaded.search(query, 10)[1], search.search(query, 10)[1])
    from index import IndexTypeError

    with pytest.raises(IndexTypeError, match="needs the exact vectors"):
        FaissSearch.load(tmp_path / "index.faiss")


def test_a_flat_index_reads_its_exact_vectors_from_its_own_storage(tmp_path, data) -> None:
    vectors, queries = data
    FaissSearch.from_vectors(vectors).save(tmp_path / "index.faiss")
    np.save(tmp_path / "creator_vectors.npy", vectors)
    loaded = FaissSearch.open(tmp_path / "index.faiss", tmp_path / "creator_vectors.npy")
    stored = loaded.vectors()
    assert not stored.flags.owndata  # a view of FAISS's memory, not a second copy
    assert np.array_equal(stored, vectors)
    for query in queries:
        similarity, rows = loaded.search(query, 10)
        expected_similarity, expected_rows = brute_force(vectors, query, 10, np.ones(len(vectors), dtype=bool))
        assert np.array_equal(rows, expected_rows)
        assert np.allclose(similarity, expected_similarity, atol=1e-5)


def test_an_approximate_index_maps_its_exact_vectors_and_answers_as_in_memory(tmp_path, data) -> None:
    vectors, queries = data
    built = FaissSearch.from_vectors(vectors, "HNSW16")
    built.save(tmp_path / "index.faiss")
    np.save(tmp_path / "creator_vectors.npy", vectors)
    loaded = FaissSearch.open(tmp_path / "index.faiss", tmp_path / "creator_vectors.npy")
    assert isinstance(loaded.vectors(), np.memmap)
    allowed = np.random.default_rng(5).random(len(vectors)) < 0.5
    for query in queries:
        for mask in (None, allowed):
            got, expected = loaded.search(query, 10, mask), built.search(query, 10, mask)
            assert np.array_equal(got[1], expected[1])
            assert np.allclose(got[0], expected[0], atol=1e-6)


def test_flat_storage_outlives_its_search(tmp_path, data) -> None:
    import gc

    vectors, _ = data
    FaissSearch.from_vectors(vectors).save(tmp_path / "index.faiss")
    stored = FaissSearch.open(tmp_path / "index.faiss", tmp_path / "missing.npy").vectors()
    gc.collect()  # the search and its FAISS index are gone; the array keeps the memory alive
    np.zeros(len(vectors) * vectors.shape[1], dtype=np.float32).fill(7.0)  # reuse of freed memory would show
    assert np.array_equal(stored, vectors)


def test_a_filtered_ivf_probe_widens_until_it_has_enough_allowed_rows(clustered) -> None:
    vectors, queries = clustered
    built = FaissSearch.from_vectors(vectors, "IVF256,Flat")  # nprobe 16 of 256 lists: about 500 of 8,000 rows
    search = FaissSearch(built._index, vectors, exact_subset_limit=0)  # the filter goes into the IVF scan
    rng = np.random.default_rng(4)
    allowed = np.zeros(len(vectors), dtype=bool)
    allowed[rng.choice(len(vectors), size=80, replace=False)] = True  # 1%: ~5 allowed rows in 16 lists
    for query in queries[:10]:
        similarity, rows = search.search(query, 10, allowed)
        _, expected_rows = brute_force(vectors, query, 10, allowed)
        # probing 1/share = 100x the lists (every list here) is an exact scan of the allowed rows
        assert rows.tolist() == expected_rows.tolist()
        assert np.allclose(similarity, vectors[rows] @ query, atol=1e-5)


def test_ivf_probes_at_least_a_share_of_its_lists(clustered) -> None:
    import faiss

    vectors, _ = clustered
    # 16 by default; 1/32 of 1,024 lists is 32 (nlist 1,024 needs at least 1,024 training vectors: 8,000 here)
    assert faiss.extract_index_ivf(FaissSearch.from_vectors(vectors, "IVF64,Flat")._index).nprobe == 16
    assert faiss.extract_index_ivf(FaissSearch.from_vectors(vectors, "IVF1024,Flat")._index).nprobe == 32


def test_a_compressed_index_re_scores_from_mapped_float16_vectors(tmp_path, clustered) -> None:
    """4-bit PQ orders its candidates roughly; re-scoring the best RESCORE_DEPTH from float16 finds the exact top 10."""
    from index.search import RESCORE_DEPTH

    vectors, queries = clustered
    half = vectors.astype(np.float16)
    built = FaissSearch.from_vectors(half, "IVF64,PQ16x4fs")
    assert built.vectors() is half  # kept as given: no float32 copy of the full vectors
    built.save(tmp_path / "index.faiss")
    np.save(tmp_path / "vectors.npy", half)
    loaded = FaissSearch.open(tmp_path / "index.faiss", tmp_path / "vectors.npy")
    assert isinstance(loaded.vectors(), np.memmap) and loaded.vectors().dtype == np.float16
    assert loaded.rescore_depth == RESCORE_DEPTH
    everything = np.ones(len(vectors), dtype=bool)
    recalls = []
    for query in queries:
        similarity, rows = loaded.search(query, 10)
        _, expected_rows = brute_force(vectors, query, 10, everything)  # float32, exact
        recalls.append(len(set(rows.tolist()) & set(expected_rows.tolist())) / 10)
        # the similarities returned are the float16 vectors' own, exactly (float32 arithmetic)
        assert np.allclose(similarity, half[rows].astype(np.float32) @ query, atol=1e-6)
        assert np.all(np.diff(similarity) <= 0)
    assert np.mean(recalls) >= 0.98
    # without the minimum depth the same index re-scores only 4 x 10 candidates and misses more
    shallow = FaissSearch(loaded._index, loaded.vectors(), rescore_depth=0)
    shallow_recall = np.mean([len(set(shallow.search(q, 10)[1].tolist()) & set(brute_force(
        vectors, q, 10, everything)[1].tolist())) / 10 for q in queries])
    assert shallow_recall < np.mean(recalls)


def test_a_float16_memory_map_is_added_block_by_block_as_float32(tmp_path, data) -> None:
    vectors, _ = data
    np.save(tmp_path / "half.npy", vectors.astype(np.float16))
    mapped = np.load(tmp_path / "half.npy", mmap_mode="r")
    # 20,000 rows in 7 blocks, the last one short; Flat: FAISS holds float32 copies of the float16 values
    search = FaissSearch.from_vectors(mapped, add_block=3_000)
    assert search.size == len(vectors)
    assert np.array_equal(search.vectors(), mapped.astype(np.float32))


@pytest.mark.parametrize(("creators", "expected"), [
    (1_000, "Flat"), (50_000, "Flat"),
    # 4 * sqrt(n), rounded down to a power of two: 4 * 223.6 = 894 -> 512; 1,265 -> 1,024; 4,000 -> 2,048;
    # 12,649 -> 8,192, capped at 4,096
    (50_001, "IVF512,PQ192x4fs"), (100_000, "IVF1024,PQ192x4fs"), (1_000_000, "IVF2048,PQ192x4fs"),
    (10_000_000, "IVF4096,PQ192x4fs")])
def test_auto_picks_flat_for_small_catalogs_and_compressed_ivf_for_large_ones(creators: int, expected: str) -> None:
    from index import auto_index_type

    assert auto_index_type(creators) == expected


def test_a_filtered_ivf_probe_is_widened_only_as_far_as_the_filter_needs(clustered) -> None:
    from index.search import _filtered_widening

    vectors, _ = clustered
    index = FaissSearch.from_vectors(vectors, "IVF256,Flat")._index  # 8,000 rows, nprobe 16: 500 rows probed
    # widen = min(1 / share, max(1, 3 * fetch / share / 500))
    assert _filtered_widening(index, 1_000, 1.0) == 1.0  # no filter
    assert _filtered_widening(index, 1_000, 0.1) == 10.0  # 3 * 1,000 / 0.1 / 500 = 60, at most 1 / 0.1
    assert _filtered_widening(index, 1_000, 0.5) == 2.0  # 12, at most 2
    assert _filtered_widening(index, 10, 0.1) == 1.0  # 3 * 10 / 0.1 / 500 = 0.6: the stored probe sees enough
    assert _filtered_widening(index, 10, 0.01) == pytest.approx(6.0)  # 3 * 10 / 0.01 / 500
    assert _filtered_widening(FaissSearch.from_vectors(vectors, "HNSW16")._index, 10, 0.01) == 1.0  # not an IVF


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_a_row_file_reads_the_rows_numpy_loads(tmp_path, dtype) -> None:
    from index.search import RowFile

    stored = np.random.default_rng(8).standard_normal((300, 24)).astype(dtype)
    np.save(tmp_path / "rows.npy", stored)
    rows_from = RowFile(tmp_path / "rows.npy")
    assert rows_from.shape == (300, 24) and rows_from.dtype == dtype
    for rows in ([0], [299, 0, 17, 17], list(range(300)), []):
        taken = rows_from.take(np.array(rows, dtype=np.int64))
        assert taken.dtype == dtype and np.array_equal(taken, stored[rows].reshape(len(rows), 24))
    with pytest.raises(IndexError, match="row 300"):
        rows_from.take(np.array([300]))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
@pytest.mark.parametrize(("index_type", "mapped"), [("IVF64,SQ8", True), ("HNSW16", True), ("IVF64,PQ16x4fs", False)])
def test_a_loaded_index_maps_its_codes_unless_faiss_would_copy_them(tmp_path, clustered, index_type, mapped) -> None:
    """Mapped codes are shared by the workers; a fast-scan index is copied by FAISS, so its file is not kept mapped."""
    from tests.helpers import mapped_ranges

    vectors, queries = clustered
    half = vectors.astype(np.float16)
    built = FaissSearch.from_vectors(half, index_type)
    built.save(tmp_path / "index.faiss")
    np.save(tmp_path / "vectors.npy", half)
    loaded = FaissSearch.open(tmp_path / "index.faiss", tmp_path / "vectors.npy")
    assert bool(mapped_ranges(tmp_path / "index.faiss")) is mapped
    allowed = np.random.default_rng(9).random(len(vectors)) < 0.1
    for query in queries[:10]:
        for mask in (None, allowed):
            got, expected = loaded.search(query, 10, mask), built.search(query, 10, mask)
            assert np.array_equal(got[1], expected[1])
            assert np.allclose(got[0], expected[0], atol=1e-6)
