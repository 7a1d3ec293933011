"""The synthetic catalogs of the benchmark: unit vectors, exact filter shares, every column the engine reads."""

from __future__ import annotations

import numpy as np

from bench.synthetic import SELECTIVITY_COUNTRIES, clustered_vectors, synthetic_index
from matcher import Filters, Matcher


class _FixedEncoder:
    """An encoder whose every text maps to the first anchor: enough to run the engine without a model."""

    model_name = "fixed"
    dimension = 16

    def __init__(self, anchors: np.ndarray) -> None:
        self.anchors = anchors

    def encode(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        return np.repeat(self.anchors[:1], len(texts), axis=0)


def _anchors() -> np.ndarray:
    rng = np.random.default_rng(0)
    anchors = rng.normal(size=(5, 16)).astype(np.float32)
    return anchors / np.linalg.norm(anchors, axis=1, keepdims=True)


def test_clustered_vectors_are_unit_length_and_clustered() -> None:
    vectors = clustered_vectors(5_000, _anchors(), clusters=20, chunk=1_000)
    assert vectors.shape == (5_000, 16) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # clustered: a vector's best neighbour is far closer than a random pair
    similarity = vectors[:200] @ vectors[200:].T
    assert similarity.max(axis=1).mean() > similarity.mean() + 0.3


def test_country_filters_keep_the_stated_shares() -> None:
    index = synthetic_index(10_000, _anchors())
    for share, code in SELECTIVITY_COUNTRIES.items():
        kept = len(index.creators) if code is None else int((index.creators["country"] == code).sum())
        assert kept == round(10_000 * share)


def test_the_engine_answers_over_a_synthetic_index() -> None:
    from index import FaissSearch

    anchors = _anchors()
    index = synthetic_index(3_000, anchors)
    search = FaissSearch.from_vectors(index.creator_vectors)
    response = Matcher(index, _FixedEncoder(anchors), search).match("anything at all", k=5,
                                                                    filters=Filters(countries=("AT",)))
    assert len(response.results) == 5
    assert set(index.creators.set_index("creator_id").loc[[m.creator_id for m in response.results], "country"]) \
        == {"AT"}
