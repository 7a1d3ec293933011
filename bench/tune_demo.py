"""A simulated marketer on the demo catalog: labels from known weights, then `tune` must find them again.

The marketer prefers engaged, trusted creators: on each brief's candidate pool the oracle ranks by the known
weights (`ORACLE`) and grades its first 10 (3, 3, 3, 2, 2, 2, 1, 1, 1, 1), so the oracle's own nDCG@10 is 1 by
construction. `tune_weights` learns on one set of briefs (cross-validated); the learned weights, the oracle's
and `balanced` are then scored on briefs written another way that tuning never saw, with a paired
randomization test between the learned preset and `balanced`.

usage: python -m bench.tune_demo STORE
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ranx import Qrels

from eval.metrics import mean_metrics, per_brief_metrics, significance
from eval.pairs import run_from_rankings
from eval.tuning import BriefPool, as_vector, collect_pools, pool_order, rankings_of, tune_weights
from index import IndexStore, encoder_from_identity, matcher_for
from matcher import Matcher
from matcher.demo import NICHES

ORACLE: dict[str, float] = {"niche": 0.4, "engagement": 0.3, "trust": 0.3}
GRADES = (3, 3, 3, 2, 2, 2, 1, 1, 1, 1)


def tuning_briefs() -> list[dict[str, Any]]:
    """Briefs that describe content: one per niche and topic of the demo catalog."""
    return [{"brief_id": f"tune-{niche}-{n}", "text": f"Our brand wants creators who share {topic}"}
            for niche, spec in NICHES.items() for n, topic in enumerate(spec["topics"])]


def held_out_briefs() -> list[dict[str, Any]]:
    """Briefs worded otherwise, never seen by tuning: hashtags and bios."""
    by_tag = [{"brief_id": f"held-{niche}-tag-{n}", "text": f"Looking for #{tag} accounts for a spring campaign"}
              for niche, spec in NICHES.items() for n, tag in enumerate(spec["tags"])]
    by_bio = [{"brief_id": f"held-{niche}-bio-{n}", "text": f"Creators like this: {bio.lower()}"}
              for niche, spec in NICHES.items() for n, bio in enumerate(spec["bio"])]
    return by_tag + by_bio


def oracle_labels(pools: list[BriefPool], oracle: dict[str, float] = ORACLE) -> Qrels:
    """The simulated marketer's grades: the first 10 of each pool under the oracle weights."""
    weights = as_vector(oracle)
    return Qrels({pool.brief_id: {str(pool.creator_ids[position]): grade for position, grade
                                  in zip(pool_order(pool, weights)[:len(GRADES)], GRADES, strict=False)}
                  for pool in pools})


def simulate(matcher: Matcher, folds: int = 5) -> dict[str, Any]:
    """Tune on the tuning briefs' oracle labels; score learned, oracle and balanced on the held-out briefs."""
    tuning = tuning_briefs()
    tuning_qrels = oracle_labels(collect_pools(matcher, tuning))
    result = tune_weights(matcher, tuning, tuning_qrels, name="learned", default="balanced", folds=folds)
    held = held_out_briefs()
    held_qrels = oracle_labels(collect_pools(matcher, held))
    pools = collect_pools(matcher, held, held_qrels)
    configurations = {"learned": as_vector(result.weights), "oracle": as_vector(ORACLE),
                      "balanced": as_vector(matcher.settings.presets["balanced"])}
    runs = {name: run_from_rankings(rankings_of(pools, {p.brief_id: vector for p in pools}), name)
            for name, vector in configurations.items()}
    per_brief = per_brief_metrics(held_qrels, runs, ("ndcg@10",))
    held_means = mean_metrics(per_brief, ("ndcg@10",))["ndcg@10"]
    p_value = significance(held_qrels, {"learned": runs["learned"], "balanced": runs["balanced"]},
                           metrics=("ndcg@10",))["p_value"].iloc[0]
    return {
        "oracle_weights": ORACLE, "learned_weights": result.weights, "fold_weights": result.fold_weights,
        "tuning_briefs": result.briefs, "cross_validated": result.cross_validated,
        "held_out_briefs": len(pools), "held_out": {name: float(value) for name, value in held_means.items()},
        "held_out_p_learned_vs_balanced": float(p_value), "decision": result.decision.reason,
        "held_out_per_brief": per_brief[per_brief["configuration"] == "learned"].set_index("brief_id")[
            "ndcg@10"].round(4).to_dict(),
    }


def main() -> None:
    """Load the store's serving version and print the simulation's figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    loaded = IndexStore(args.store).load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder.key))
    figures = simulate(matcher, args.folds)
    print(json.dumps({k: v for k, v in figures.items() if k != "held_out_per_brief"}, indent=2))
    print("held-out per brief (learned):", json.dumps(figures["held_out_per_brief"]))


if __name__ == "__main__":
    main()
