"""The evaluation report folder: tables (Markdown, CSV), plots (PNG) and what produced them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only: no display on servers or in CI

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from eval.metrics import METRICS, bootstrap_interval
from eval.runner import EvaluationResult


def metrics_table(result: EvaluationResult, reference: str) -> pd.DataFrame:
    """Mean metrics per configuration with the p-value against `reference` beside each metric."""
    table = result.summary.copy()
    for metric in METRICS:
        p_values = []
        for name in table.index:
            if name == reference:
                p_values.append(np.nan)
                continue
            pair = result.p_values[(result.p_values["metric"] == metric) & (
                ((result.p_values["a"] == reference) & (result.p_values["b"] == name))
                | ((result.p_values["a"] == name) & (result.p_values["b"] == reference)))]
            p_values.append(float(pair["p_value"].iloc[0]) if len(pair) else np.nan)
        table[f"p({metric})"] = p_values
    ordered = [c for metric in METRICS for c in (metric, f"p({metric})")]
    return table[ordered].join(result.shortlist)


def _markdown(table: pd.DataFrame) -> str:
    header = "| configuration | " + " | ".join(table.columns) + " |"
    rule = "|---" * (len(table.columns) + 1) + "|"
    lines = [header, rule]
    for name, row in table.iterrows():
        cells = ["" if pd.isna(v) else (f"{v:.4f}" if isinstance(v, float) else str(v)) for v in row]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot_metrics(result: EvaluationResult, path: Path, seed: int = 0) -> None:
    """Bar chart of each metric per configuration with 95% bootstrap intervals over briefs."""
    rng = np.random.default_rng(seed)
    names = list(result.summary.index)
    figure, axes = plt.subplots(1, len(METRICS), figsize=(3.2 * len(METRICS), 3.6), sharey=True)
    for axis, metric in zip(np.atleast_1d(axes), METRICS, strict=True):
        means, low, high = [], [], []
        for name in names:
            values = result.per_brief.loc[result.per_brief["configuration"] == name, metric].to_numpy()
            interval = bootstrap_interval(values, rng)
            means.append(values.mean())
            low.append(values.mean() - interval[0])
            high.append(interval[1] - values.mean())
        axis.bar(range(len(names)), means, yerr=[low, high], capsize=3, color="#4c78a8")
        axis.set_xticks(range(len(names)), names, rotation=40, ha="right")
        axis.set_title(metric)
        axis.set_ylim(0, 1)
    figure.suptitle("Mean over briefs, 95% bootstrap interval")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def plot_difference(result: EvaluationResult, first: str, second: str, path: Path, metric: str = "ndcg@10") -> None:
    """Per-brief difference of a metric between two configurations, sorted."""
    frame = result.per_brief.pivot(index="brief_id", columns="configuration", values=metric)
    difference = (frame[first] - frame[second]).sort_values()
    figure, axis = plt.subplots(figsize=(max(6.0, 0.35 * len(difference) + 2), 4.0))
    colors = ["#54a24b" if d > 0 else "#e45756" for d in difference]
    axis.bar(range(len(difference)), difference.to_numpy(), color=colors)
    axis.set_xticks(range(len(difference)), difference.index, rotation=60, ha="right", fontsize=7)
    axis.axhline(0, color="black", linewidth=0.8)
    axis.set_ylabel(f"{metric}: {first} - {second}")
    axis.set_title(f"Per-brief {metric} difference ({first} vs {second})")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_report(result: EvaluationResult, out: Path, info: dict[str, Any], reference: str,
                 difference_pair: tuple[str, str]) -> dict[str, Path]:
    """Write metrics.md/.csv, per_brief.csv, p_values.csv, the plots and run.json into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    table = metrics_table(result, reference)
    files = {
        "metrics_csv": out / "metrics.csv", "metrics_md": out / "metrics.md", "per_brief": out / "per_brief.csv",
        "p_values": out / "p_values.csv", "metrics_png": out / "metrics.png",
        "difference_png": out / f"difference_{difference_pair[0]}_vs_{difference_pair[1]}.png".replace("/", "-"),
        "run": out / "run.json",
    }
    table.to_csv(files["metrics_csv"], index_label="configuration")
    result.per_brief.to_csv(files["per_brief"], index=False)
    result.p_values.to_csv(files["p_values"], index=False)
    plot_metrics(result, files["metrics_png"])
    plot_difference(result, *difference_pair, files["difference_png"])
    lines = [
        "# Evaluation report", "",
        f"Command: `{info.get('command', '')}`", "",
        f"Model: {info.get('model')} · index version: {info.get('index_version')} · briefs evaluated: "
        f"{info.get('briefs_evaluated')} · k: {info.get('k')} · test: {info.get('stat_test')} "
        f"(p-values against `{reference}`)", "",
        _markdown(table), "",
        "engagement@10, trust@10, loyalty@10: mean signal score of the top 10; flagged@10: top-10 results "
        "per brief that carry a warning flag.", "",
    ]
    skipped = info.get("skipped") or []
    if skipped:
        lines += ["Skipped input:", "", *[f"- {line}" for line in skipped], ""]
    lines += [f"![metrics]({files['metrics_png'].name})", "", f"![difference]({files['difference_png'].name})", ""]
    files["metrics_md"].write_text("\n".join(lines), encoding="utf-8")
    files["run"].write_text(json.dumps(info, indent=2, default=str), encoding="utf-8")
    return files
