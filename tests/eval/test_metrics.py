"""Metrics against hand computation, and the significance test on runs of known quality."""

from __future__ import annotations

import math

import pytest
from ranx import Qrels

from eval import METRICS, mean_metrics, per_brief_metrics, run_from_rankings, significance


def test_every_metric_by_hand() -> None:
    qrels = Qrels({"q1": {"a": 1, "c": 1, "e": 1}, "q2": {"y": 1}})
    run = run_from_rankings({"q1": ["a", "b", "c", "d"], "q2": ["x", "y"]}, "hand")
    table = per_brief_metrics(qrels, {"hand": run}).set_index("brief_id")
    # q1: relevant at ranks 1 and 3 of 3 relevant; DCG = 1 + 1/log2(4); IDCG = 1 + 1/log2(3) + 1/log2(4)
    ndcg_q1 = (1 + 0.5) / (1 + 1 / math.log2(3) + 0.5)
    assert table.loc["q1", "ndcg@5"] == pytest.approx(ndcg_q1)
    assert table.loc["q1", "ndcg@10"] == pytest.approx(ndcg_q1)
    assert table.loc["q1", "precision@10"] == pytest.approx(2 / 10)
    assert table.loc["q1", "recall@100"] == pytest.approx(2 / 3)
    assert table.loc["q1", "map@100"] == pytest.approx((1 / 1 + 2 / 3) / 3)
    assert table.loc["q1", "mrr"] == pytest.approx(1.0)
    # q2: the one relevant creator at rank 2
    assert table.loc["q2", "ndcg@10"] == pytest.approx(1 / math.log2(3))
    assert table.loc["q2", "precision@10"] == pytest.approx(0.1)
    assert table.loc["q2", "recall@100"] == pytest.approx(1.0)
    assert table.loc["q2", "map@100"] == pytest.approx(0.5)
    assert table.loc["q2", "mrr"] == pytest.approx(0.5)
    means = mean_metrics(per_brief_metrics(qrels, {"hand": run}))
    assert means.loc["hand", "mrr"] == pytest.approx(0.75)
    assert list(means.columns) == list(METRICS)


def test_graded_relevance_uses_linear_gain() -> None:
    qrels = Qrels({"q": {"a": 2, "b": 1}})
    run = run_from_rankings({"q": ["b", "a"]}, "graded")
    # DCG = 1/log2(2) + 2/log2(3); ideal = 2/log2(2) + 1/log2(3)
    expected = (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))
    assert per_brief_metrics(qrels, {"graded": run})["ndcg@10"].iloc[0] == pytest.approx(expected)


def test_a_missing_brief_scores_zero() -> None:
    qrels = Qrels({"q1": {"a": 1}, "q2": {"b": 1}})
    run = run_from_rankings({"q1": ["a"]}, "partial")
    table = per_brief_metrics(qrels, {"partial": run}).set_index("brief_id")
    assert table.loc["q1", "ndcg@10"] == 1.0 and table.loc["q2", "ndcg@10"] == 0.0


def _runs(ranks_a: list[int], ranks_b: list[int]) -> tuple[Qrels, dict]:
    """Each brief has one relevant creator 'hit'; a run places it at the given rank among fillers."""
    qrels = Qrels({f"q{i}": {"hit": 1} for i in range(len(ranks_a))})

    def ranking(rank: int) -> list[str]:
        return [f"filler{j}" for j in range(rank - 1)] + ["hit"]

    return qrels, {
        "a": run_from_rankings({f"q{i}": ranking(r) for i, r in enumerate(ranks_a)}, "a"),
        "b": run_from_rankings({f"q{i}": ranking(r) for i, r in enumerate(ranks_b)}, "b"),
    }


def test_significance_separates_a_clearly_better_run() -> None:
    qrels, runs = _runs([1] * 30, [8] * 30)
    p = significance(qrels, runs, metrics=("ndcg@10", "mrr")).set_index("metric")["p_value"]
    assert p["ndcg@10"] < 0.05 and p["mrr"] < 0.05


def test_significance_does_not_separate_runs_of_equal_quality() -> None:
    # a wins on half the briefs by exactly what b wins on the other half
    qrels, runs = _runs([1] * 15 + [8] * 15, [8] * 15 + [1] * 15)
    p = significance(qrels, runs, metrics=("ndcg@10", "mrr")).set_index("metric")["p_value"]
    assert p["ndcg@10"] > 0.05 and p["mrr"] > 0.05
