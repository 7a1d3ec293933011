"""A simulated marketer on Kim: mark the first 10, re-rank with the marks, score what was not shown yet.

For each brief the engine's first 10 creators (preset relevance) are marked relevant when their Kim
niche is the brief's category and not relevant otherwise; the brief is matched again with those marks
(`RelevanceFeedback`), and both lists are scored by nDCG@10 on the residual collection: the 10 shown
creators leave the ranking and the labels (Salton & Buckley 1990's evaluation of feedback).
`--grid` scores a grid of Rocchio weights (`--betas`, `--gammas`) instead of the defaults.

usage: python -m bench.kim_feedback STORE KIM_LABELS.csv BRIEFS.jsonl [BRIEFS.jsonl ...] [--grid [--betas B,..]
       [--gammas G,..]]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pandas as pd
from ranx import Qrels, Run, evaluate

from index import IndexStore, encoder_from_identity, matcher_for
from matcher import Matcher, RelevanceFeedback
from matcher.relevance_feedback import DEFAULT_BETA, DEFAULT_GAMMA

SHOWN = 10


def residual_scores(matcher: Matcher, briefs: list[dict[str, Any]], labels: pd.Series,
                    weights: list[tuple[float, float]]) -> dict[str, dict[str, float]]:
    """Per brief: nDCG@10 on the residual collection without feedback ('none') and with each (beta, gamma)."""
    qrels: dict[str, dict[str, int]] = {}
    runs: dict[str, dict[str, dict[str, float]]] = {"none": {}, **{f"{b:g},{g:g}": {} for b, g in weights}}
    for brief in briefs:
        first = [m.creator_id for m in matcher.match(brief["text"], k=SHOWN + 100, preset="relevance").results]
        shown = first[:SHOWN]
        relevant = tuple(c for c in shown if labels.get(c) == brief["category"])
        others = tuple(c for c in shown if labels.get(c) != brief["category"])
        brief_id = brief["brief_id"]
        qrels[brief_id] = {c: 1 for c in labels.index[labels == brief["category"]] if c not in shown}
        runs["none"][brief_id] = _scores(first[SHOWN:])
        for beta, gamma in weights:
            feedback = RelevanceFeedback(relevant, others, beta=beta, gamma=gamma)
            moved = matcher.match(brief["text"], k=SHOWN + 100, preset="relevance", feedback=feedback).results
            runs[f"{beta:g},{gamma:g}"][brief_id] = _scores([m.creator_id for m in moved if m.creator_id not in shown])
    truth = Qrels(qrels)
    return {name: dict(zip(run, evaluate(truth, Run(run), "ndcg@10", return_mean=False), strict=True))
            for name, run in runs.items()}


def _scores(ranked: list[str]) -> dict[str, float]:
    return {creator_id: 1.0 / (rank + 1) for rank, creator_id in enumerate(ranked)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store")
    parser.add_argument("labels", help="Kim creator labels: creator_id,category")
    parser.add_argument("briefs", nargs="+")
    parser.add_argument("--grid", action="store_true", help="try every beta x gamma of --betas and --gammas")
    parser.add_argument("--betas", default="0.5,1,2", help="betas of the grid")
    parser.add_argument("--gammas", default="0,0.25,0.5", help="gammas of the grid")
    args = parser.parse_args()
    loaded = IndexStore(args.store).load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder))
    labels = pd.read_csv(args.labels, dtype=str).set_index("creator_id")["category"]
    weights = ([(float(b), float(g)) for b in args.betas.split(",") for g in args.gammas.split(",")] if args.grid
               else [(DEFAULT_BETA, DEFAULT_GAMMA)])
    for path in args.briefs:
        briefs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        scores = residual_scores(matcher, briefs, labels, weights)
        base = scores["none"]
        print(f"{path} ({len(briefs)} briefs): residual nDCG@10 without feedback {_mean(base):.4f}")
        for name, per_brief in scores.items():
            if name == "none":
                continue
            gains = [per_brief[b] - base[b] for b in base]
            print(f"  beta,gamma {name}: {_mean(per_brief):.4f} ({_mean(per_brief) - _mean(base):+.4f}; "
                  f"{sum(g > 0 for g in gains)} briefs up, {sum(g < 0 for g in gains)} down)")
            if not args.grid:
                for brief_id in base:
                    print(f"    {brief_id:<22} {base[brief_id]:.3f} -> {per_brief[brief_id]:.3f}")


def _mean(values: dict[str, float]) -> float:
    return sum(values.values()) / max(len(values), 1)


if __name__ == "__main__":
    main()
