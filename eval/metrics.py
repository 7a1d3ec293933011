"""IR metrics and paired significance tests, computed by ranx (Bassani, ECIR 2022), never by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
from ranx import Qrels, Run, compare, evaluate

METRICS: tuple[str, ...] = ("ndcg@5", "ndcg@10", "precision@10", "recall@100", "map@100", "mrr")


def per_brief_metrics(qrels: Qrels, runs: dict[str, Run], metrics: tuple[str, ...] = METRICS) -> pd.DataFrame:
    """One row per (configuration, brief) with every metric; briefs a run misses score 0."""
    frames = []
    for name, run in runs.items():
        values = evaluate(qrels, run, list(metrics), return_mean=False, make_comparable=True)
        if len(metrics) == 1:
            values = {metrics[0]: values}
        frame = pd.DataFrame({metric: np.asarray(values[metric], dtype=float) for metric in metrics})
        frame.insert(0, "brief_id", list(qrels.keys()))
        frame.insert(0, "configuration", name)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def mean_metrics(per_brief: pd.DataFrame, metrics: tuple[str, ...] = METRICS) -> pd.DataFrame:
    """Mean of each metric per configuration, in the order the configurations were given."""
    order = list(dict.fromkeys(per_brief["configuration"]))
    return per_brief.groupby("configuration", sort=False)[list(metrics)].mean().loc[order]


def significance(qrels: Qrels, runs: dict[str, Run], metrics: tuple[str, ...] = METRICS,
                 stat_test: str = "fisher", permutations: int = 1000, seed: int = 42) -> pd.DataFrame:
    """p-values of paired tests between every two configurations, one row per (a, b, metric).

    Fisher's randomization test by default (Smucker, Allan & Carterette, CIKM 2007), as ranx runs it.
    """
    named = [Run(run.to_dict(), name=name) for name, run in runs.items()]
    report = compare(qrels, named, list(metrics), stat_test=stat_test, n_permutations=permutations,
                     random_seed=seed, max_p=0.05, make_comparable=True, rounding_digits=6)
    rows = []
    names = list(runs)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            for metric in metrics:
                p_value = report.comparisons[(first, second)][metric]["p_value"]
                rows.append({"a": first, "b": second, "metric": metric, "p_value": float(p_value)})
    return pd.DataFrame(rows, columns=["a", "b", "metric", "p_value"])


def bootstrap_interval(values: np.ndarray, rng: np.random.Generator, samples: int = 2000,
                       level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean over briefs (Efron & Tibshirani 1993)."""
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return float("nan"), float("nan")
    means = rng.choice(values, size=(samples, len(values)), replace=True).mean(axis=1)
    tail = (1 - level) / 2
    return float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))
