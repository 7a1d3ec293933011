from __future__ import annotations

import numpy as np
import pytest

from index import FaissSearch
from matcher import NicheScorer
from matcher.niche import best_text_similarity


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_pseudo_relevance_feedback_moves_the_query_by_hand() -> None:
    creators = np.vstack([unit(1, 0, 0), unit(1, 1, 0), unit(0, 1, 0), unit(0, 0, 1)])
    search = FaissSearch.from_vectors(creators)
    no_units = np.zeros((0, 3), dtype=np.float32)
    starts = ends = np.zeros(4, dtype=np.int64)
    query = unit(1, 0.1, 0)
    plain = NicheScorer(centroid_weight=1.0, feedback_depth=0)
    rows, similarity = plain.candidates(query, search, creators, no_units, starts, ends, 4, None)
    assert rows.tolist()[:3] == [0, 1, 2]
    assert similarity == pytest.approx(creators[rows] @ query, abs=1e-6)
    # Rocchio with depth 1, weight 2: q' = norm(q + 2 * c0) = norm(3, 0.1, 0) / ...
    moved = NicheScorer(centroid_weight=1.0, feedback_depth=1, feedback_weight=2.0)
    rows, similarity = moved.candidates(query, search, creators, no_units, starts, ends, 4, None)
    expected_query = np.array([1, 0.1, 0]) / np.linalg.norm([1, 0.1, 0]) + 2 * np.array([1, 0, 0])
    expected_query /= np.linalg.norm(expected_query)
    assert similarity == pytest.approx(creators[rows] @ expected_query, abs=1e-6)
    allowed = np.array([False, False, True, True])
    rows, _ = moved.candidates(query, search, creators, no_units, starts, ends, 4, allowed)
    assert sorted(rows.tolist()) == [2, 3]  # feedback only ever sees allowed creators


def test_best_text_similarity_is_the_mean_of_the_top_texts() -> None:
    texts = np.vstack([unit(1, 0), unit(0, 1), unit(1, 1), unit(1, 0)])
    starts, ends = np.array([0, 3, 4]), np.array([3, 4, 4])
    query = unit(1, 0)
    values = best_text_similarity(query, np.array([0, 1, 2]), texts, starts, ends, top=2)
    # creator 0: texts score 1, 0, 1/sqrt(2) -> mean of the best two = (1 + 0.7071) / 2
    assert values[0] == pytest.approx((1 + 2 ** -0.5) / 2, abs=1e-6)
    assert values[1] == pytest.approx(1.0)
    assert np.isnan(values[2])  # a creator with no text


def test_steer_query_by_hand() -> None:
    from matcher.taxonomy import NICHES, niche_mix, steer_query

    assert len(NICHES) == 45 and len({name for name, _ in NICHES}) == 45
    prototypes = np.vstack([unit(1, 0), unit(0, 1)])
    query = unit(1, 0)
    # cosines 1 and 0 at temperature 0.5 -> softmax of (2, 0): e^2 / (e^2 + 1) and 1 / (e^2 + 1)
    mix = niche_mix(query, prototypes, 0.5)
    assert mix == pytest.approx([np.e**2 / (np.e**2 + 1), 1 / (np.e**2 + 1)])
    steering = steer_query(query, prototypes, 0.5, 1.0)
    direction = mix @ prototypes
    expected = query + direction / np.linalg.norm(direction)
    assert steering.query == pytest.approx(expected / np.linalg.norm(expected), abs=1e-6)
    assert steering.mix == pytest.approx(mix) and steering.steered and steering.top_similarity == pytest.approx(1.0)
    assert steer_query(query, prototypes, 0.5, 0.0).query is query
    # the gate: a best cosine of 1.0 below a gate of 1.1 leaves the query as it was
    gated = steer_query(query, prototypes, 0.5, 1.0, gate=1.1)
    assert gated.query is query and not gated.steered


def test_blend_of_centroid_and_best_texts_by_hand() -> None:
    texts = np.vstack([unit(1, 0), unit(0, 1), unit(1, 1)])  # creator 0: two texts; creator 1: one
    starts, ends = np.array([0, 2]), np.array([2, 3])
    creators = np.vstack([unit(1, 1), unit(1, 1)])  # both centroids point the same way
    scorer = NicheScorer(centroid_weight=0.5, top_texts=1, feedback_depth=0)
    rows, similarity = scorer.candidates(unit(1, 0), FaissSearch.from_vectors(creators), creators, texts, starts,
                                         ends, 2, None)
    # centroid cosine 1/sqrt(2) for both; best text: creator 0 has an exact match (1), creator 1 1/sqrt(2)
    assert rows.tolist() == [0, 1]
    assert similarity == pytest.approx([0.5 * 2 ** -0.5 + 0.5, 2 ** -0.5], abs=1e-6)


def test_one_scan_feedback_equals_a_second_full_search_when_it_rescores_every_creator() -> None:
    # fast path (re-score the first search's creators with the moved query) against the slow
    # reference (search the whole catalog again): identical when the first search returns everyone
    rng = np.random.default_rng(3)
    creators = rng.standard_normal((300, 8)).astype(np.float32)
    creators /= np.linalg.norm(creators, axis=1, keepdims=True)
    search = FaissSearch.from_vectors(creators)
    no_units = np.zeros((0, 8), dtype=np.float32)
    starts = ends = np.zeros(300, dtype=np.int64)
    allowed = rng.random(300) < 0.7
    for query in creators[:5] + 0.3 * rng.standard_normal((5, 8)).astype(np.float32):
        query = (query / np.linalg.norm(query)).astype(np.float32)
        for mask in (None, allowed):
            one_scan = NicheScorer(feedback_depth=7, feedback_rescore_depth=300)
            two_scans = NicheScorer(feedback_depth=7, feedback_rescore_depth=0)
            rows, similarity = one_scan.candidates(query, search, creators, no_units, starts, ends, 20, mask)
            expected_rows, expected = two_scans.candidates(query, search, creators, no_units, starts, ends, 20, mask)
            assert rows.tolist() == expected_rows.tolist()
            assert similarity == pytest.approx(expected, abs=1e-6)


def test_one_scan_feedback_reorders_the_first_search_by_the_moved_query_by_hand() -> None:
    creators = np.vstack([unit(1, 0, 0), unit(1, 1, 0), unit(0, 1, 0), unit(0, 0, 1)])
    search = FaissSearch.from_vectors(creators)
    no_units = np.zeros((0, 3), dtype=np.float32)
    starts = ends = np.zeros(4, dtype=np.int64)
    # q = (0, 1, 0.2) / 1.0198 = (0, 0.9806, 0.1961): first search c2 (0.98), c1 (0.69), c3 (0.20), c0 (0).
    # Depth 1 moves it by 2 * c2 to (0, 2.9806, 0.1961) / |.|; the top 2 of the first 3 re-scored: c2, c1
    scorer = NicheScorer(feedback_depth=1, feedback_weight=2.0, feedback_rescore_depth=3)
    rows, similarity = scorer.candidates(unit(0, 1, 0.2), search, creators, no_units, starts, ends, 2, None)
    moved = np.array([0, 1 / 1.04 ** 0.5 + 2, 0.2 / 1.04 ** 0.5])
    moved /= np.linalg.norm(moved)
    assert rows.tolist() == [2, 1]
    assert similarity == pytest.approx([moved[1], moved[1] / np.sqrt(2)], abs=1e-6)
