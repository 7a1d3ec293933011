"""Is the constrained weight search as good as a learning-to-rank library? Coordinate ascent (what `tune` ships)
against LightGBM's lambdarank (Burges 2010) on the same candidate pools and the same folds over briefs.

LightGBM sees every component's normalized score and the raw niche similarity; it may learn any non-linear
scorer. Both are scored by nDCG@10 on the folds they did not see, with `relevance` and `balanced` beside them.

usage: python -m bench.tune_lambdarank STORE BRIEFS.jsonl LABELS.csv [--folds 5] [--group-by category]
       python -m bench.tune_lambdarank STORE --demo     (the simulated marketer of bench.tune_demo)
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import numpy as np
from numpy.typing import NDArray

from eval.pairs import Skipped, labeled_briefs, load_briefs, load_labels
from eval.tuning import (
    BriefPool,
    as_vector,
    collect_pools,
    coordinate_ascent,
    discounted_gain,
    fold_of,
    pool_ndcg,
    without_constant_components,
)
from index import IndexStore, encoder_from_identity, matcher_for
from matcher import PRESETS


def features(pool: BriefPool) -> NDArray[np.float64]:
    """What the ranker sees of each candidate: every normalized component and the raw niche similarity."""
    return np.column_stack([pool.components, pool.niche_raw])


def lambdarank_ndcg(train: list[BriefPool], test: list[BriefPool], seed: int = 0) -> list[float]:
    """nDCG@10 of each test pool ranked by a LightGBM lambdarank model trained on `train`."""
    import lightgbm

    model = lightgbm.LGBMRanker(objective="lambdarank", n_estimators=200, learning_rate=0.05, num_leaves=15,
                                min_child_samples=20, random_state=seed, verbose=-1)
    model.fit(np.vstack([features(p) for p in train]), np.concatenate([p.gains for p in train]).astype(int),
              group=[len(p.gains) for p in train])
    scores = []
    for pool in test:
        predicted = np.asarray(model.predict(features(pool)), dtype=float)
        order = np.lexsort((-pool.niche_raw, -predicted))
        scores.append(discounted_gain(pool.gains[order]) / pool.ideal_dcg if pool.ideal_dcg > 0 else 0.0)
    return scores


def compare(pools: list[BriefPool], presets: dict[str, dict[str, float]], folds: int,
            groups: dict[str, str] | None = None) -> dict[str, Any]:
    """Held-out-fold nDCG@10 of coordinate ascent, lambdarank and the hand-set presets, and their paired gaps.

    With `groups` (brief -> group, e.g. its niche) whole groups are dealt to folds: every fold's briefs are of
    groups the learners never saw, as a new client's niche would be.
    """
    if groups:
        by_group = fold_of(sorted(set(groups.values())), folds)
        assignment = {p.brief_id: by_group[groups[p.brief_id]] for p in pools}
    else:
        assignment = fold_of([p.brief_id for p in pools], folds)
    per_brief: dict[str, dict[str, float]] = {"coordinate_ascent": {}, "lambdarank": {}, "relevance": {},
                                              "balanced": {}}
    starts = [as_vector(weights) for weights in presets.values()]
    for fold in range(folds):
        train = [p for p in pools if assignment[p.brief_id] != fold]
        test = [p for p in pools if assignment[p.brief_id] == fold]
        weights = without_constant_components(train, coordinate_ascent(train, starts)[0])
        for pool, score in zip(test, lambdarank_ndcg(train, test), strict=True):
            per_brief["lambdarank"][pool.brief_id] = score
        for pool in test:
            per_brief["coordinate_ascent"][pool.brief_id] = pool_ndcg(pool, weights)
            for preset in ("relevance", "balanced"):
                per_brief[preset][pool.brief_id] = pool_ndcg(pool, as_vector(presets[preset]))
    means = {name: float(np.mean(list(values.values()))) for name, values in per_brief.items()}
    gaps = np.array([per_brief["coordinate_ascent"][b] - per_brief["lambdarank"][b] for b in per_brief["lambdarank"]])
    rng = np.random.default_rng(0)
    flips = rng.choice([-1.0, 1.0], size=(10_000, len(gaps)))
    p_value = float(np.mean(np.abs((flips * gaps).mean(axis=1)) >= abs(gaps.mean()) - 1e-12))
    return {"briefs": len(pools), "folds": folds, "mean_ndcg@10": means,
            "coordinate_ascent_minus_lambdarank": float(gaps.mean()), "p_value (sign-flip, 10,000)": p_value}


def main() -> None:
    """Collect the pools, run both learners over the same folds, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("briefs", nargs="?")
    parser.add_argument("labels", nargs="?")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--group-by", default=None, help="a brief field whose values are dealt to folds whole")
    args = parser.parse_args()
    loaded = IndexStore(args.store).load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder.key))
    if args.demo:
        from bench.tune_demo import oracle_labels, tuning_briefs

        briefs = tuning_briefs()
        qrels = oracle_labels(collect_pools(matcher, briefs))
    else:
        skipped = Skipped()
        briefs = load_briefs(args.briefs, skipped)
        briefs, qrels = labeled_briefs(briefs, load_labels(args.labels, {b["brief_id"] for b in briefs}, skipped),
                                       skipped)
    pools = collect_pools(matcher, briefs, qrels)
    groups = {str(b["brief_id"]): str(b[args.group_by]) for b in briefs} if args.group_by else None
    print(json.dumps(compare(pools, PRESETS, args.folds, groups), indent=2))


if __name__ == "__main__":
    main()
