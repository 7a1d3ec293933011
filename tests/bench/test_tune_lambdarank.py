"""The learner comparison bench on hand-made pools: the weight search and the hand-set presets score what a hand
computation says, on folds that hold whole groups."""

from __future__ import annotations

import math

import pytest

from bench.tune_lambdarank import compare
from matcher import PRESETS
from tests.eval.test_tuning import pool


def test_compare_scores_the_weight_search_and_the_presets_by_hand() -> None:
    # labels follow engagement against niche; two groups of two briefs, two folds
    pools = [pool(f"b{n}", {"niche": [1.0, 0.6, 0.3, 0.0], "engagement": [0.0, 0.3, 0.6, 1.0]},
                  [0.0, 0.0, 1.0, 3.0], [3.0, 1.0]) for n in range(4)]
    figures = compare(pools, PRESETS, folds=2, groups={"b0": "g0", "b1": "g0", "b2": "g1", "b3": "g1"})
    means = figures["mean_ndcg@10"]
    assert means["coordinate_ascent"] == pytest.approx(1.0)
    # niche order c0..c3: gains 0, 0, 1, 3 against the ideal 3, 1
    by_niche = (1 / math.log2(4) + 3 / math.log2(5)) / (3 + 1 / math.log2(3))
    assert means["relevance"] == pytest.approx(by_niche)
    assert 0.0 <= means["lambdarank"] <= 1.0 and figures["briefs"] == 4
