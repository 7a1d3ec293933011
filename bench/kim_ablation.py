"""nDCG@10 of the niche-retrieval variants on a built store, through the engine's Python API.

usage: python bench/kim_ablation.py STORE BRIEFS.jsonl LABELS.csv
Variants: plain cosine to creator centroids; + pseudo-relevance feedback; + taxonomy steering;
both (the default); both with the feedback query searching the whole catalog again instead of
re-scoring the first search's top 1,000. Preset relevance, top 100, filters parsed from each brief.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ranx import Run, evaluate

from eval import qrels_from_csv
from index import SentenceTransformerEncoder, open_matcher
from matcher import NicheScorer

VARIANTS = {
    "centroid cosine": NicheScorer(feedback_depth=0, taxonomy_weight=0.0),
    "+ feedback (Rocchio, top 25, weight 8)": NicheScorer(taxonomy_weight=0.0),
    "+ taxonomy steering (45 niches, gated)": NicheScorer(feedback_depth=0),
    "+ both (default)": NicheScorer(),
    "+ both, feedback re-scans the catalog": NicheScorer(feedback_rescore_depth=0),
}


def main(store: str, briefs_path: str, labels: str) -> None:
    qrels = qrels_from_csv(labels)
    briefs = [json.loads(line) for line in Path(briefs_path).read_text().splitlines() if line.strip()]
    encoder = SentenceTransformerEncoder()
    for name, scorer in VARIANTS.items():
        matcher = open_matcher(store, encoder, niche=scorer)
        ranked = {}
        for brief in briefs:
            results = matcher.match(brief["text"], k=100, preset="relevance").results
            ranked[brief["brief_id"]] = {m.creator_id: float(100 - i) for i, m in enumerate(results)}
        print(f"{name:<42} nDCG@10 {evaluate(qrels, Run(ranked), 'ndcg@10'):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
