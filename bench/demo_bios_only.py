"""Matching on bios alone: the demo catalog built with its posts and without them, scored against its niches.

A profiles-only catalog (a first import, channels described by their "about" text) is indexed on the
bio; this prints nDCG@10 and P@10 of the `relevance` and `balanced` presets for one brief per demo
niche, with and without posts, with the real bundled model.

usage: python -m bench.demo_bios_only [--creators 2400] [--seed 7] [--out /tmp/demo-bios]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pandas as pd
from ranx import Qrels, Run, evaluate

from index import SentenceTransformerEncoder, build_store, open_matcher
from matcher.demo import generate_demo_catalog

# one plain brief per demo niche, in the words of a marketer (not the demo's own captions)
BRIEFS = {
    "beauty": "A cosmetics brand wants makeup artists and skincare creators",
    "fitness": "Sportswear label looking for personal trainers and gym creators",
    "food": "A cookware company wants home cooks who share recipes",
    "travel": "A luggage brand wants creators who travel and share their trips",
    "fashion": "A clothing label looking for style creators who post outfits",
    "gaming": "A headset maker wants gamers and streamers",
    "pets": "A dog food brand looking for pet owners who post their dogs and cats",
    "parenting": "A baby products company wants parents who share family life",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--creators", type=int, default=2400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="demo-bios-"))
    demo = generate_demo_catalog(args.creators, seed=args.seed)
    creators, posts = demo.write(out / "catalog")
    header_only = out / "catalog" / "posts_header_only.csv"
    header_only.write_text(posts.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    truth = demo.niches
    qrels = Qrels({niche: {cid: 1 for cid in truth.loc[truth["niche"] == niche, "creator_id"]} for niche in BRIEFS})
    encoder = SentenceTransformerEncoder()
    rows = []
    for label, posts_file, folder in (("bio and posts", posts, "store-with-posts"),
                                      ("bio only (posts header only)", header_only, "store-bios-only")):
        store = out / folder
        report = build_store(creators, posts_file, store, encoder)
        matcher = open_matcher(store, encoder)
        for preset in ("relevance", "balanced"):
            run = Run({niche: {m.creator_id: float(100 - rank) for rank, m in enumerate(
                matcher.match(text, k=100, preset=preset).results)} for niche, text in BRIEFS.items()})
            scores = evaluate(qrels, run, ["ndcg@10", "precision@10", "ndcg@100"])
            rows.append({"catalog": label, "creators without posts": report.creators_without_posts,
                         "preset": preset, "nDCG@10": round(float(scores["ndcg@10"]), 3),
                         "P@10": round(float(scores["precision@10"]), 3),
                         "nDCG@100": round(float(scores["ndcg@100"]), 3)})
    print(f"demo catalog: {args.creators} creators, seed {args.seed}; {len(BRIEFS)} briefs, one per niche")
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
