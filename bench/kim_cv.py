"""Choose the niche-reading parameters by cross-validation over many Kim briefs, never on a handful.

For every brief (parsed once, its filters applied) and every variant of the niche step (taxonomy and
its steering weight and temperature, the steering gate, pseudo-relevance feedback depth and weight,
centroid/text pooling), the relevance ranking's nDCG@10 against the brief's Kim category. Variants
are chosen by k-fold cross-validation over the briefs of `--choose-on` (folds stratified by category):
the best variant on the other folds is scored on each held fold, so the reported figure is out of
sample. The variant best on all of them is printed as the one to ship, with every set's figures
beside the plain-cosine baseline (the brief against the creator centroids: no steering, no feedback).

usage: python -m bench.kim_cv --store KIM_STORE --labels KIM_LABELS.csv --choose-on A.jsonl [B.jsonl ...]
       [--report C.jsonl ...] [--folds 5] [--out results.csv]

Nothing here is used by the engine; it reads the engine's parts (`NicheScorer`, `steer_query`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from index import IndexStore, encoder_from_identity, matcher_for
from matcher import Matcher
from matcher.briefs import parse_brief
from matcher.niche import NicheScorer
from matcher.taxonomy import brief_sentences, pool_sentences, steer_query, taxonomy

_DISCOUNTS = 1.0 / np.log2(np.arange(2, 12))
TAXONOMIES = ("creator", "iab", "both")
WEIGHTS = (1.0, 2.0, 3.0)
TEMPERATURES = (0.01, 0.02)
# a gate "m:M|f:F" steers a brief when its best cosine with the steering taxonomy is at least F, and at
# most M below its best cosine with the IAB Content Taxonomy (which names niches the steering list lacks)
MARGINS = (math.inf, 0.3, 0.2, 0.15, 0.1, 0.05)
FLOORS = (-1.0, 0.15, 0.2, 0.25)
GATES = tuple(f"m:{margin}|f:{floor}" for margin in MARGINS for floor in FLOORS)
NO_GATE = f"m:{math.inf}|f:-1.0"
FEEDBACK = ((0, 0.0), (25, 5.0), (25, 8.0), (25, 12.0), (15, 8.0), (40, 8.0))
POOLING = ((1.0, 2),)
# the brief's vector: its whole niche text, or its sentences pooled with softmax weights (temperature) on how
# close each is to the taxonomy ("mean": equal weights)
QUERY_MODES = ("whole", "sentences:0.1", "sentences:0.2", "sentences:0.5", "sentences:mean")


@dataclass(frozen=True)
class Brief:
    brief_id: str
    category: str
    source: str
    text: str


def ndcg_at_10(rows: NDArray[np.int64], relevant: NDArray[np.bool_]) -> float:
    """nDCG@10 with binary labels; every category has more than 10 members, so the ideal is 10 hits."""
    hits = relevant[rows[:10]].astype(float)
    return float((hits * _DISCOUNTS[: len(hits)]).sum() / _DISCOUNTS.sum())


def load_briefs(paths: list[Path]) -> list[Brief]:
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out.append(Brief(record["brief_id"], record["category"], path.stem, record["text"]))
    return out


def rankings(matcher: Matcher, briefs: list[Brief], relevant: dict[str, NDArray[np.bool_]],
             prototypes: dict[str, NDArray[np.float32]]) -> pd.DataFrame:
    """One row per (brief, variant without gate): nDCG@10 steered and unsteered, and the top similarity."""
    rows = []
    for brief, mode in itertools.product(briefs, QUERY_MODES):
        parsed = parse_brief(brief.text)
        allowed, _ = matcher.eligible(parsed.filters)
        query = brief_vector(matcher, parsed.query_text, prototypes["creator"], mode)
        iab_similarity = float((prototypes["iab"] @ query).max())
        labels = relevant[brief.category]
        for depth, feedback_weight in FEEDBACK:
            for centroid_weight, top_texts in POOLING:
                scorer = NicheScorer(centroid_weight=centroid_weight, top_texts=top_texts, feedback_depth=depth,
                                     feedback_weight=feedback_weight)

                def score(vector: NDArray[np.float32], scorer: NicheScorer = scorer,
                          allowed: NDArray[np.bool_] = allowed, labels: NDArray[np.bool_] = labels) -> float:
                    ranked, _ = scorer.candidates(vector, matcher.search, matcher.index.creator_vectors,
                                                  matcher.index.unit_vectors, matcher.prepared.unit_start,
                                                  matcher.prepared.unit_end, 200, allowed)
                    return ndcg_at_10(ranked, labels)

                plain = score(query)
                for name, weight, temperature in itertools.product(TAXONOMIES, WEIGHTS, TEMPERATURES):
                    steering = steer_query(query, prototypes[name], temperature, weight)
                    rows.append({"brief_id": brief.brief_id, "category": brief.category, "source": brief.source,
                                 "query_mode": mode, "iab_similarity": iab_similarity,
                                 "taxonomy": name, "weight": weight, "temperature": temperature,
                                 "feedback_depth": depth, "feedback_weight": feedback_weight,
                                 "centroid_weight": centroid_weight, "top_texts": top_texts,
                                 "top_similarity": steering.top_similarity, "steered": score(steering.query),
                                 "unsteered": plain})
    return pd.DataFrame(rows)


PARAMS = ["query_mode", "taxonomy", "weight", "temperature", "gate", "feedback_depth", "feedback_weight",
          "centroid_weight", "top_texts"]


def with_gates(frame: pd.DataFrame) -> pd.DataFrame:
    """Every gate applied: the steered or the unsteered ranking's nDCG@10, and whether the brief was gated."""
    parts = []
    for gate in GATES:
        margin, floor = (float(part.split(":")[1]) for part in gate.split("|"))
        part = frame.copy()
        part["gate"] = gate
        top = part["top_similarity"].to_numpy()
        steer = (top >= floor) & (top >= part["iab_similarity"].to_numpy() - margin)
        part["ndcg"] = np.where(steer, part["steered"], part["unsteered"])
        part["gated"] = ~steer
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def brief_vector(matcher: Matcher, text: str, prototypes: NDArray[np.float32], mode: str) -> NDArray[np.float32]:
    """The brief's vector as the engine makes it: the whole niche text, or its sentences pooled."""
    sentences = brief_sentences(text)
    if mode == "whole" or len(sentences) < 2:
        return matcher.encoder.encode([text])[0]
    temperature = mode.partition(":")[2]
    return pool_sentences(matcher.encoder.encode(sentences), prototypes,
                          1e6 if temperature == "mean" else float(temperature))


def select(table: Any, gated: Any, briefs: list[str]) -> tuple[Any, ...]:
    """The variant for `briefs`: the other parameters by mean nDCG@10 without a gate, then the gate that
    steers the fewest of them while staying within one standard error of the best (the one-standard-error
    rule, Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, 7.10): steer only when sure."""
    scores = table[briefs]
    ungated = scores.xs(NO_GATE, level="gate")
    best_rest: Any = ungated.mean(axis=1).idxmax()
    rest = dict(zip([p for p in PARAMS if p != "gate"], best_rest, strict=True))
    candidates = []
    for gate in GATES:
        key = tuple(gate if p == "gate" else rest[p] for p in PARAMS)
        candidates.append((gate, float(scores.loc[key].mean()), float(gated.loc[key, briefs].mean()), key))
    top_mean = max(mean for _, mean, _, _ in candidates)
    top_key = next(key for _, mean, _, key in candidates if mean == top_mean)
    standard_error = float(scores.loc[top_key].std(ddof=1) / np.sqrt(len(briefs)))
    within = [c for c in candidates if c[1] >= top_mean - standard_error]
    return max(within, key=lambda c: (c[2], c[1]))[3]


def cross_validate(scores: pd.DataFrame, briefs: list[Brief], folds: int, seed: int = 0) -> tuple[float, pd.DataFrame]:
    """Out-of-fold nDCG@10 of the whole selection (`select`), folds stratified by category."""
    rng = np.random.default_rng(seed)
    fold_of: dict[str, int] = {}
    for category in sorted({b.category for b in briefs}):
        members = [b.brief_id for b in briefs if b.category == category]
        rng.shuffle(members)
        for i, brief_id in enumerate(members):
            fold_of[brief_id] = i % folds
    table: Any = scores.pivot_table(index=PARAMS, columns="brief_id", values="ndcg")
    gated: Any = scores.pivot_table(index=PARAMS, columns="brief_id", values="gated")
    chosen = []
    held_scores = []
    for fold in range(folds):
        train = [b for b, f in fold_of.items() if f != fold]
        test = [b for b, f in fold_of.items() if f == fold]
        best = select(table, gated, train)
        chosen.append(dict(zip(PARAMS, best, strict=True)))
        held_scores.extend(table.loc[best, test].tolist())
    return float(np.mean(held_scores)), pd.DataFrame(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True, help="Kim labels.csv: creator_id,category")
    parser.add_argument("--choose-on", type=Path, nargs="+", required=True)
    parser.add_argument("--report", type=Path, nargs="*", default=[])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    store = IndexStore(args.store)
    loaded = store.load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder))
    labels = pd.read_csv(args.labels, dtype=str)
    ids = matcher.index.creators["creator_id"].astype(str)
    category_of = ids.map(labels.set_index("creator_id")["category"]).fillna("")
    relevant = {c: (category_of == c).to_numpy() for c in sorted(labels["category"].unique())}
    prototypes = {name: matcher.encoder.encode(list(taxonomy(name).descriptions)) for name in {*TAXONOMIES, "iab"}}
    choose = load_briefs(args.choose_on)
    report = load_briefs(args.report)
    started = time.perf_counter()
    frame = with_gates(rankings(matcher, choose + report, relevant, prototypes))
    print(f"{len(choose) + len(report)} briefs x {frame.groupby(PARAMS).ngroups} variants in "
          f"{time.perf_counter() - started:.0f} s")
    if args.out:
        frame.to_csv(args.out, index=False)
    chosen_ids = {b.brief_id for b in choose}
    on_choose = frame[frame["brief_id"].isin(chosen_ids)]
    estimate, picks = cross_validate(on_choose, choose, args.folds)
    print(f"cross-validated nDCG@10 on the {len(choose)} briefs chosen on ({args.folds} folds): {estimate:.3f}")
    print("variant chosen per fold:")
    print(picks.to_string(index=False))
    table: Any = on_choose.pivot_table(index=PARAMS, columns="brief_id", values="ndcg")
    gated: Any = on_choose.pivot_table(index=PARAMS, columns="brief_id", values="gated")
    best = select(table, gated, sorted(chosen_ids))
    print("chosen on all of them:", dict(zip(PARAMS, best, strict=True)), f"{table.loc[best].mean():.3f}")
    baseline = frame.query("feedback_depth == 0 and centroid_weight == 1.0 and query_mode == 'whole'")
    plain = baseline.drop_duplicates("brief_id").set_index("brief_id")["unsteered"]
    shipped_rows = frame.set_index(PARAMS).loc[best]
    shipped = shipped_rows.set_index("brief_id")["ndcg"]
    gated_share = shipped_rows.set_index("brief_id")["gated"]
    summary = []
    for source in sorted({b.source for b in choose + report}):
        members = [b.brief_id for b in choose + report if b.source == source]
        summary.append({"set": source, "briefs": len(members), "chosen": round(float(shipped[members].mean()), 3),
                        "plain cosine": round(float(plain[members].mean()), 3),
                        "not steered": round(float(gated_share[members].mean()), 3)})
    print(pd.DataFrame(summary).to_string(index=False))


if __name__ == "__main__":
    main()
