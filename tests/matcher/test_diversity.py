"""Maximal marginal relevance by hand."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.diversity import mmr_order

RELEVANCE = [1.0, 0.9, 0.5]
# items 0 and 1 are near-duplicates; item 2 is unlike both
SIMILARITY = np.array([[1.0, 0.95, 0.0], [0.95, 1.0, 0.1], [0.0, 0.1, 1.0]])


def test_mmr_by_hand() -> None:
    # lambda 0.5: first the most relevant (0); then 1 scores 0.5*0.9 - 0.5*0.95 = -0.025 and
    # 2 scores 0.5*0.5 - 0.5*0 = 0.25, so 2; then 1 is left
    assert mmr_order(RELEVANCE, SIMILARITY, 0.5, 3).tolist() == [0, 2, 1]
    # lambda 0.9: 1 scores 0.81 - 0.095 = 0.715, 2 scores 0.45 - 0 = 0.45, so 1 stays second
    assert mmr_order(RELEVANCE, SIMILARITY, 0.9, 2).tolist() == [0, 1]


def test_lambda_one_is_the_plain_ranking_and_k_caps_the_list() -> None:
    assert mmr_order([0.2, 0.9, 0.5], SIMILARITY, 1.0, 3).tolist() == [1, 2, 0]
    assert mmr_order(RELEVANCE, SIMILARITY, 0.5, 1).tolist() == [0]
    assert mmr_order(RELEVANCE, SIMILARITY, 0.5, 10).tolist() == [0, 2, 1]


@pytest.mark.parametrize(("relevance", "similarity", "trade_off", "message"), [
    (RELEVANCE, SIMILARITY, 1.5, "lambda"),
    ([1.0, float("nan"), 0.5], SIMILARITY, 0.5, "relevance"),
    (RELEVANCE, np.eye(2), 0.5, "similarity"),
])
def test_bad_input_names_the_field(relevance: list[float], similarity: np.ndarray, trade_off: float,
                                   message: str) -> None:
    with pytest.raises(ValueError, match=message):
        mmr_order(relevance, similarity, trade_off, 2)
