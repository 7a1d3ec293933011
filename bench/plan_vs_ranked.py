"""Budgeted plans against the top matches taken in order for the same budget, on a store.

For each brief and budget: the plan's expected engagements per post, cost and mean pairwise audience
overlap, next to the ranked list's (`creatormatch plan` shows both; this prints them as a table).

usage: python bench/plan_vs_ranked.py STORE [BUDGET ...]     (default budgets: 2000 10000)
"""

from __future__ import annotations

import sys
import time

from index import IndexStore, SentenceTransformerEncoder, matcher_for

# one brief per niche of the demo catalog (matcher/demo.py), in words of a marketer
BRIEFS = {
    "beauty": "Mascara brand wants creators who film their everyday makeup routine",
    "fitness": "Protein bar for gym-goers who train hard, leg day and workouts",
    "food": "Baking brand looking for home cooks who share cake and dessert recipes",
    "travel": "Luggage brand looking for travel creators who share trips abroad",
    "fashion": "Denim label wants street style and outfit-of-the-day creators",
    "gaming": "Keyboard maker wants gamers who show their custom PC gaming setup",
    "pets": "Dog toy startup wants accounts run by dog owners",
    "parenting": "Family car seat brand wants parents sharing life with toddlers",
}


def main(store: str, budgets: list[float]) -> None:
    loaded = IndexStore(store).load()
    matcher = matcher_for(loaded, SentenceTransformerEncoder(loaded.manifest.get("model")))
    print("| brief | budget | plan: creators, cost, expected engagements, mean overlap | ranked list: creators, "
          "cost, expected engagements, mean overlap | engagements plan / ranked | seconds |")
    print("|---|---|---|---|---|---|")
    wins = overlap_wins = runs = 0
    plan_overlaps: list[float] = []
    ranked_overlaps: list[float] = []
    for budget in budgets:
        for name, brief in BRIEFS.items():
            started = time.perf_counter()
            plan = matcher.plan(brief, budget=budget)
            seconds = time.perf_counter() - started
            base = plan.baseline
            ratio = plan.total_expected_engagements / max(base.expected_engagements, 1e-9)
            runs += 1
            wins += plan.total_expected_engagements > base.expected_engagements
            overlap_wins += (plan.mean_pairwise_overlap or 0.0) < (base.mean_pairwise_overlap or 0.0)
            plan_overlaps.append(plan.mean_pairwise_overlap or 0.0)
            ranked_overlaps.append(base.mean_pairwise_overlap or 0.0)
            print(f"| {name} | {budget:,.0f} | {len(plan.team)}, {plan.total_cost:,.0f}, "
                  f"{plan.total_expected_engagements:,.0f}, {plan.mean_pairwise_overlap or 0:.3f} | "
                  f"{len(base.creator_ids)}, {base.cost:,.0f}, {base.expected_engagements:,.0f}, "
                  f"{base.mean_pairwise_overlap or 0:.3f} | {ratio:.2f} | {seconds:.2f} |")
    print(f"\nplan has more expected engagements in {wins}/{runs} and a lower mean overlap in {overlap_wins}/{runs}; "
          f"mean of the mean pairwise overlaps: plan {sum(plan_overlaps) / runs:.3f}, "
          f"ranked {sum(ranked_overlaps) / runs:.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], [float(b) for b in sys.argv[2:]] or [2000.0, 10000.0])
