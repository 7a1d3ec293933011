"""Niche tags: the share of a creator's texts closest to each niche, on hand-made 2-d vectors."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.niche_tags import best_cosine, niche_tags

PROTOTYPES = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)  # niche "a" along x, "b" along y


def test_shares_and_tags_by_hand() -> None:
    diagonal = np.sqrt(0.5)
    vectors = np.array([[1.0, 0.0], [0.8, 0.6],                # creator 0: both closest to a
                        [0.0, 1.0], [1.0, 0.0], [0.6, -0.8],   # creator 1: b, a, and one of cosine 0.6 with a
                        [-1.0, 0.0],                           # creator 2: cosine -1 with a, 0 with b: below the floor
                        [diagonal, diagonal], [0.0, 1.0]], dtype=np.float32)  # creator 4 (3 has no text)
    rows = np.array([0, 0, 1, 1, 1, 2, 4, 4])
    result = niche_tags(vectors, rows, PROTOTYPES, ("a", "b"), 5)
    assert result.shares[0] == {"a": 1.0} and result.tags[0] == ("a",)
    assert result.shares[1] == {"a": 0.667, "b": 0.333} and result.tags[1] == ("a", "b")
    assert result.shares[2] == {} and result.tags[2] == ()
    assert result.shares[3] == {} and result.tags[3] == ()
    # a tie goes to the first niche; each text counts once
    assert result.shares[4] == {"a": 0.5, "b": 0.5} and result.tags[4] == ("a", "b")
    assert result.top_share.tolist() == pytest.approx([1.0, 2 / 3, 0.0, 0.0, 0.5])


def test_a_niche_needs_three_tenths_of_the_texts_to_be_a_tag() -> None:
    vectors = np.array([[1.0, 0.0]] * 3 + [[0.0, 1.0]], dtype=np.float32)  # 3 of 4 a, 1 of 4 b
    result = niche_tags(vectors, np.zeros(4, dtype=np.int64), PROTOTYPES, ("a", "b"), 1)
    assert result.tags == [("a",)] and result.shares == [{"a": 0.75, "b": 0.25}]


def test_misaligned_input_is_refused() -> None:
    with pytest.raises(ValueError, match="one creator row per text"):
        niche_tags(np.zeros((2, 2), dtype=np.float32), np.zeros(1, dtype=np.int64), PROTOTYPES, ("a", "b"), 1)


def test_a_text_the_reference_taxonomy_names_much_better_is_about_no_niche() -> None:
    vectors = np.array([[0.6, 0.8], [1.0, 0.0]], dtype=np.float32)  # cosine 0.8 with b, 1.0 with a
    # the first text's best reference cosine is 0.95: 0.8 is more than 0.1 below it; the second passes
    result = niche_tags(vectors, np.array([0, 1]), PROTOTYPES, ("a", "b"), 2,
                        reference_best=np.array([0.95, 1.0], dtype=np.float32))
    assert result.tags == [(), ("a",)]
    ungated = niche_tags(vectors, np.array([0, 1]), PROTOTYPES, ("a", "b"), 2)
    assert ungated.tags == [("b",), ("a",)]


def test_best_cosine_in_chunks_equals_the_whole_product() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    prototypes = rng.normal(size=(7, 8)).astype(np.float32)
    assert np.allclose(best_cosine(vectors, prototypes, chunk=16), (vectors @ prototypes.T).max(axis=1))
