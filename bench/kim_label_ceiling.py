"""How high nDCG@10 can go on Kim's labels: the engine beside rankers that know Kim's categories.

Kim et al. give each account one coarse category, decided on the whole account; the catalog holds 1-8 of its
captions. A brief is scored against "every account of its category is relevant", so a skincare creator that Kim
filed under fashion counts as a miss. To see how much of the gap to a bar is the engine and how much is the
labels, this fits category classifiers on Kim's labels themselves (logistic regression on the creator vectors
and on the TF-IDF of the captions and bio; Kim et al. 2020 profile accounts the same way), cross-fitted: each
creator is scored by a model trained on the other folds. Then for every brief:

- (a) the creators the brief's filters allow, ranked by P(brief's category): a ranker that knows the label;
- (b) the engine's own top 200 re-ranked by P(brief's category): the engine's candidates, ordered by the label.

Both use the evaluation's labels, so they are ceilings to compare with, never a method: a figure near (b)
would mean the engine had learned Kim's labelling, not matched briefs better. `--misses N` writes N of the
engine's top-10 misses (seed 0) with their captions, to be judged by hand ("fits the brief, Kim files it
elsewhere" or "the engine is wrong").

usage: python -m bench.kim_label_ceiling --store KIM_STORE --labels KIM_LABELS.csv --catalog KIM_DIR
       BRIEFS.jsonl [BRIEFS.jsonl ...] [--folds 5] [--misses N --misses-out FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from bench.kim_cv import ndcg_at_10
from index import IndexStore, encoder_from_identity, matcher_for

DEPTH = 200


def cross_fitted_probabilities(features: Any, labels: NDArray[np.int64], folds: int, seed: int = 0
                               ) -> NDArray[np.float64]:
    """P(category) of every row from a logistic regression that did not see the row (stratified folds)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros((len(labels), int(labels.max()) + 1))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels):
        model = LogisticRegression(C=10.0, max_iter=300).fit(features[train], labels[train])
        out[np.ix_(test, model.classes_)] = model.predict_proba(features[test])
    return out


def ranked_by(rows: NDArray[np.int64], probability: NDArray[np.float64]) -> NDArray[np.int64]:
    """`rows` ordered by `probability` of each row, highest first (ties keep the given order)."""
    return rows[np.argsort(-probability[rows], kind="stable")]


def caption_documents(catalog: Path, creator_ids: list[str]) -> list[str]:
    """Each creator's bio and captions as one text, in `creator_ids` order."""
    posts = pd.read_csv(catalog / "posts.csv", usecols=["creator_id", "caption"], dtype=str).fillna("")
    captions = posts.groupby("creator_id")["caption"].agg(" ".join)
    creators = pd.read_csv(catalog / "creators.csv", dtype=str).fillna("").set_index("creator_id")
    bios = creators["bio"] if "bio" in creators else pd.Series(dtype=str)
    return [f"{bios.get(c, '')} {captions.get(c, '')}" for c in creator_ids]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("briefs", type=Path, nargs="+")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True, help="Kim labels.csv: creator_id,category")
    parser.add_argument("--catalog", type=Path, required=True, help="folder of Kim's creators.csv and posts.csv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--misses-out", type=Path, default=Path("kim_misses.txt"))
    args = parser.parse_args()
    from sklearn.feature_extraction.text import TfidfVectorizer

    loaded = IndexStore(args.store).load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder))
    ids = matcher.index.creators["creator_id"].astype(str).tolist()
    row_of = {creator_id: row for row, creator_id in enumerate(ids)}
    by_id = pd.read_csv(args.labels, dtype=str).set_index("creator_id")["category"]
    category_of = pd.Series(ids).map(by_id).fillna("").to_numpy()
    categories = sorted(set(category_of))
    label = np.array([categories.index(c) for c in category_of])
    vectors = np.asarray(matcher.index.creator_vectors, dtype=np.float32)
    documents = caption_documents(args.catalog, ids)
    tfidf = TfidfVectorizer(min_df=3, max_df=0.5, sublinear_tf=True, token_pattern=r"(?u)#?\b\w\w+\b")
    probability = (cross_fitted_probabilities(vectors, label, args.folds)
                   + cross_fitted_probabilities(tfidf.fit_transform(documents), label, args.folds)) / 2
    print(f"cross-fitted accuracy of the label model: {(probability.argmax(1) == label).mean():.3f}")
    rows: list[dict[str, Any]] = []
    misses: list[tuple[str, str, str, int]] = []
    for path in args.briefs:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            brief = json.loads(line)
            relevant = category_of == brief["category"]
            column = probability[:, categories.index(brief["category"])]
            query = matcher.query(brief["text"], k=DEPTH, preset="relevance")
            engine = np.array([row_of[m.creator_id] for m in matcher.match(
                brief["text"], k=DEPTH, preset="relevance").results], dtype=np.int64)
            allowed = np.flatnonzero(query.allowed) if query.allowed is not None else np.arange(len(ids))
            rows.append({"set": path.stem, "brief_id": brief["brief_id"], "category": brief["category"],
                         "engine": ndcg_at_10(engine, relevant),
                         "(a) label model, filtered catalog": ndcg_at_10(ranked_by(allowed, column), relevant),
                         "(b) engine's top 200 by label model": ndcg_at_10(ranked_by(engine, column), relevant)})
            misses += [(brief["brief_id"], brief["text"], ids[row], rank + 1)
                       for rank, row in enumerate(engine[:10]) if not relevant[row]]
    table = pd.DataFrame(rows)
    figures = [c for c in table.columns if c not in ("set", "brief_id", "category")]
    print(table.groupby("set", sort=False)[figures].mean().round(3).to_string())
    print(table.groupby("category")[figures].mean().round(3).to_string())
    if args.misses:
        documents_of = dict(zip(ids, documents, strict=True))
        chosen = np.random.default_rng(0).choice(len(misses), size=min(args.misses, len(misses)), replace=False)
        args.misses_out.write_text("\n\n".join(
            f"{misses[i][0]}: {misses[i][1][:200]}\n  #{misses[i][3]} {misses[i][2]} "
            f"(Kim: {by_id.get(misses[i][2], '?')}): {documents_of[misses[i][2]][:300]}" for i in sorted(chosen)),
            encoding="utf-8")
        print(f"{len(misses)} top-10 misses; {len(chosen)} written to {args.misses_out}")


if __name__ == "__main__":
    main()
