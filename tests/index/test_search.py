"""The filtered FAISS search against a brute-force numpy reference."""

from __future__ import annotations

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
