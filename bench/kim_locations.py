"""How right the inferred home countries are: against creators whose home a person read from their captions.

The labels file (JSON lines: creator_id, country as ISO alpha-2 or null for "cannot tell", evidence) lives
outside the repository, like the data it describes. For each confidence threshold the bench prints how
many labelled creators get a country (coverage), the precision counting a country given where the reader
could not tell as wrong (strict), and the precision on creators the reader could place; then the coverage
over the whole catalog.

usage: python -m bench.kim_locations STORE LABELS.jsonl [--thresholds 0.5 0.6 0.7]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from index import IndexStore
from matcher import MatchSettings
from matcher.mixes import parsed_mix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.5, 0.6, 0.68, 0.7, 0.8])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    creators = IndexStore(args.store).load().index.creators.set_index("creator_id")
    labels = pd.DataFrame([json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines()
                           if line.strip()]).set_index("creator_id")
    labels = labels[labels.index.isin(creators.index)]
    placed = labels["country"].notna()
    print(f"{len(labels)} labelled creators, {int(placed.sum())} placed by the reader, "
          f"{int((~placed).sum())} 'cannot tell'")
    default = MatchSettings().country_min_confidence
    print("| threshold | inferred (of labelled) | strict precision | precision on placed | recall of placed |")
    print("|---|---|---|---|---|")
    for threshold in args.thresholds:
        guess = creators.loc[labels.index, "country_inferred"]
        sure = creators.loc[labels.index, "country_inferred_confidence"] >= threshold
        inferred = guess.notna() & sure
        right = inferred & (guess == labels["country"])
        on_placed = inferred & placed
        print(f"| {threshold:.2f}{' (default)' if threshold == default else ''} | {int(inferred.sum())} | "
              f"{right.sum() / max(1, inferred.sum()):.3f} | {right.sum() / max(1, on_placed.sum()):.3f} "
              f"({int(on_placed.sum())}) | {right.sum() / max(1, placed.sum()):.3f} |")
        if args.show_errors and threshold == default:
            for creator in labels.index[inferred & ~right]:
                print(f"    {creator}: inferred {guess[creator]} "
                      f"({creators.loc[creator, 'country_inferred_confidence']:.2f}, "
                      f"{parsed_mix(creators.loc[creator, 'country_weights'])}), "
                      f"reader {labels.loc[creator, 'country']}")
    confident = creators["country_inferred_confidence"] >= default
    print(f"catalog coverage at {default}: {int(confident.sum()):,} of {len(creators):,} creators "
          f"({confident.mean():.1%}); top: " + ", ".join(
              f"{k} {v:,}" for k, v in creators.loc[confident, "country_inferred"].value_counts().head(8).items()))


if __name__ == "__main__":
    main()
