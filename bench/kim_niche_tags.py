"""Niche tags against Kim's category labels: the confusion matrix of each creator's top tag.

Rows are Kim's categories (from LABELS.csv: creator_id, category, as `prepare.py` writes it), columns the
most frequent top tags, then every other tag and "no tag". The agreement line maps the 45 creator niches
onto Kim's eight categories (makeup, skincare, hair, nails -> beauty, and so on: `KIM_GROUPS`, written for
this measurement only; the engine never sees it) and counts the tagged creators of those eight categories
whose top tag falls in their category.

usage: python -m bench.kim_niche_tags STORE LABELS.csv [--columns 14]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from index import IndexStore

KIM_GROUPS = {
    "beauty": ("makeup", "skincare", "hair", "nails"),
    "fashion": ("fashion", "streetwear", "menswear", "luxury", "jewelry"),
    "fitness": ("fitness", "yoga", "running", "wellness"),
    "food": ("food", "baking", "vegan", "drinks"),
    "travel": ("travel", "luxurytravel", "outdoor"),
    "family": ("family", "pregnancy"),
    "pet": ("dogs", "cats", "pets"),
    "interior": ("interior", "diy", "gardening"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--columns", type=int, default=14)
    args = parser.parse_args()
    creators = IndexStore(args.store).load().index.creators
    labels = pd.read_csv(args.labels, dtype=str).drop_duplicates("creator_id").set_index("creator_id")["category"]
    top = pd.Series([tags[0] if len(tags) else "no tag" for tags in creators["niche_tags"]],
                    index=creators["creator_id"].to_numpy())
    table = pd.DataFrame({"category": labels.reindex(top.index), "top_tag": top}).dropna()
    frequent = [t for t in table["top_tag"].value_counts().index if t != "no tag"][: args.columns]
    table["column"] = table["top_tag"].where(table["top_tag"].isin([*frequent, "no tag"]), "other tags")
    matrix = pd.crosstab(table["category"], table["column"])
    matrix = matrix[[c for c in [*frequent, "other tags", "no tag"] if c in matrix.columns]]
    matrix["creators"] = matrix.sum(axis=1)
    print(matrix.to_markdown())
    tagged = table[(table["top_tag"] != "no tag") & table["category"].isin(list(KIM_GROUPS))]
    agree = tagged.apply(lambda row: row["top_tag"] in KIM_GROUPS[row["category"]], axis=1)
    print(f"\ncreators with a tag: {int((table['top_tag'] != 'no tag').sum()):,} of {len(table):,} "
          f"({(table['top_tag'] != 'no tag').mean():.1%})")
    print(f"top tag in the creator's Kim category (8 categories, tagged creators): {agree.mean():.3f} "
          f"of {len(tagged):,}")
    for category in KIM_GROUPS:
        part = agree[tagged["category"] == category]
        print(f"  {category}: {part.mean():.3f} of {len(part):,}")


if __name__ == "__main__":
    main()
