"""Labeled pairs for briefs that name a Kim niche: every creator of that niche is relevant (1).

This is how dev_labels.csv was made; it lets held-out briefs (bench/kim_heldout_briefs.jsonl) be
scored the same way. usage: python bench/kim_labels_for_briefs.py BRIEFS.jsonl KIM_LABELS.csv OUT.csv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd


def main(briefs: Path, labels: Path, out: Path) -> None:
    niche = pd.read_csv(labels, dtype=str)
    rows = []
    for line in briefs.read_text(encoding="utf-8").splitlines():
        if line.strip():
            brief = json.loads(line)
            members = niche.loc[niche["category"] == brief["category"], "creator_id"]
            rows.append(pd.DataFrame({"brief_id": brief["brief_id"], "creator_id": members, "relevance": 1}))
    pd.concat(rows).to_csv(out, index=False)
    print(f"{sum(len(r) for r in rows):,} pairs for {len(rows)} briefs -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
