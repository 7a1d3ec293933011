"""Briefs and creators that are not in English: what the bundled English model gives on Kim.

Two measurements, nDCG@10 of the niche ranking the engine ships (the brief read and steered as in
`match`, scored by `NicheScorer`, no other component), with Kim's category labels:

1. Creators: English briefs (the Kim development and held-aside briefs) ranked within the creators whose
   captions are mainly in one language (the inferred content language, at the shipped confidence). Each
   language's figure is set beside English creators sampled to the same number (`--draws` random draws,
   seeded), since nDCG@10 depends on how many relevant creators a pool holds.
2. Briefs: the same request written in English, Italian, Spanish and Portuguese
   (`bench/kim_briefs/multilingual.jsonl`, 8 per language, one per category), ranked over the whole catalog.

usage: python -m bench.kim_multilingual --store KIM_STORE --labels KIM_LABELS.csv
       [--english-briefs A.jsonl ...] [--multilingual bench/kim_briefs/multilingual.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from index import IndexStore, encoder_from_identity, matcher_for
from matcher import Matcher, MatchSettings
from matcher.briefs import parse_brief
from matcher.inferred import effective_values

_DISCOUNTS = 1.0 / np.log2(np.arange(2, 12))


def ndcg_at_10(rows: NDArray[np.int64], relevant: NDArray[np.bool_], pool: NDArray[np.bool_]) -> float:
    """Binary nDCG@10 within a pool: the ideal is as many hits as the pool has relevant creators, up to 10."""
    ideal = int(min(10, (relevant & pool).sum()))
    if ideal == 0:
        return float("nan")
    hits = relevant[rows[:10]].astype(float)
    return float((hits * _DISCOUNTS[: len(hits)]).sum() / _DISCOUNTS[:ideal].sum())


_QUERIES: dict[str, NDArray[np.float32]] = {}


def ranked(matcher: Matcher, text: str, pool: NDArray[np.bool_]) -> NDArray[np.int64]:
    """The shipped niche ranking of a brief within a pool of creators (row positions, best first)."""
    if text not in _QUERIES:
        _QUERIES[text] = matcher.brief_query(parse_brief(text))[0]
    query = _QUERIES[text]
    rows, _ = matcher.niche.candidates(query, matcher.search, matcher.index.creator_vectors,
                                       matcher.index.unit_vectors, matcher.prepared.unit_start,
                                       matcher.prepared.unit_end, 200,
                                       pool)
    return rows


def read_briefs(paths: list[Path]) -> list[dict[str, str]]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True, help="Kim labels.csv: creator_id,category")
    parser.add_argument("--english-briefs", type=Path, nargs="*", default=[
        Path("bench/kim_briefs/development.jsonl"), Path("bench/kim_briefs/held_aside.jsonl")])
    parser.add_argument("--multilingual", type=Path, default=Path("bench/kim_briefs/multilingual.jsonl"))
    parser.add_argument("--languages", nargs="*", default=["it", "pt", "es", "fr", "de"])
    parser.add_argument("--draws", type=int, default=5)
    args = parser.parse_args()
    store = IndexStore(args.store)
    loaded = store.load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder))
    creators = matcher.index.creators
    labels = pd.read_csv(args.labels, dtype=str).drop_duplicates("creator_id").set_index("creator_id")["category"]
    category = creators["creator_id"].map(labels).fillna("").to_numpy()
    language = np.array(effective_values(
        creators["language"].tolist(), creators["language_inferred"].tolist(),
        creators["language_inferred_confidence"].to_numpy(dtype=float),
        MatchSettings().inferred_min_confidence), dtype=object)
    briefs = read_briefs(args.english_briefs)
    everyone = np.ones(len(creators), dtype=bool)

    print(f"1. English briefs ({len(briefs)}) within creators of one content language "
          f"(nDCG@10 of the niche ranking; English pools of the same size, mean of {args.draws} draws)")
    print("| creators | pool | relevant per brief (mean) | nDCG@10 | English pool of that size |")
    print("|---|---|---|---|---|")
    english = np.flatnonzero(language == "en")
    rng = np.random.default_rng(0)

    def mean_ndcg(pool: NDArray[np.bool_]) -> tuple[float, float]:
        scores, relevant_counts = [], []
        for brief in briefs:
            relevant = category == brief["category"]
            scores.append(ndcg_at_10(ranked(matcher, brief["text"], pool), relevant, pool))
            relevant_counts.append(int((relevant & pool).sum()))
        return float(np.nanmean(scores)), float(np.mean(relevant_counts))

    for code in ["en", *args.languages]:
        pool = language == code
        if pool.sum() < 20:
            continue
        score, relevant = mean_ndcg(pool)
        control = ""
        if code != "en":
            draws = []
            for _ in range(args.draws):
                sample = np.zeros(len(creators), dtype=bool)
                sample[rng.choice(english, size=int(pool.sum()), replace=False)] = True
                draws.append(mean_ndcg(sample)[0])
            control = f"{np.mean(draws):.3f}"
        print(f"| {code} | {int(pool.sum()):,} | {relevant:.0f} | {score:.3f} | {control} |")

    multilingual = read_briefs([args.multilingual])
    print(f"\n2. The same request in four languages ({len(multilingual)} briefs), over all "
          f"{len(creators):,} creators and within the creators of the brief's language")
    print("| brief language | nDCG@10, all creators | nDCG@10, creators of that language |\n|---|---|---|")
    for code in ["en", "it", "es", "pt"]:
        own = [b for b in multilingual if b["language"] == code]
        pool = language == code
        on_all = [ndcg_at_10(ranked(matcher, b["text"], everyone), category == b["category"], everyone) for b in own]
        on_own = [ndcg_at_10(ranked(matcher, b["text"], pool), category == b["category"], pool) for b in own]
        print(f"| {code} | {np.nanmean(on_all):.3f} | {np.nanmean(on_own):.3f} |")


if __name__ == "__main__":
    main()
