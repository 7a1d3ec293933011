"""Mean nDCG@10 (and P@10) of `creatormatch match --json` runs on the Kim development briefs.

usage: python bench/kim_dev_ndcg.py LABELS.csv RUN.jsonl [RUN.jsonl ...]
"""

from __future__ import annotations

import sys

from ranx import evaluate

from eval import qrels_from_csv, run_from_match_jsonl


def main(labels: str, runs: list[str]) -> None:
    qrels = qrels_from_csv(labels)
    for path in runs:
        run = run_from_match_jsonl(path, name=path)
        per_brief = evaluate(qrels, run, "ndcg@10", return_mean=False)
        mean = evaluate(qrels, run, ["ndcg@10", "precision@10"])
        print(f"{path}: nDCG@10 {mean['ndcg@10']:.4f}  P@10 {mean['precision@10']:.4f}")
        for brief_id, value in zip(run.keys(), per_brief, strict=True):
            print(f"    {brief_id:<14} {value:.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
