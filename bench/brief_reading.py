"""How well the brief reader reads each corpus file: share fully right, per-field accuracy, the misses.

usage: python -m bench.brief_reading [CORPUS.jsonl ...]
       (default: tests/matcher/brief_corpus/development.jsonl and held_aside.jsonl, reported separately)

The shipped brand tagger was trained on every corpus file but held_aside.jsonl: a file among its manifest's
sources is marked "(trained on)", and its figure is a training figure. `python -m bench.brand_tagger
--cross-validate` reads each file with a tagger not trained on it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eval import load_corpus, score_briefs, score_lines
from matcher.briefs import parse_brief
from matcher.briefs.brand_tagger import read_manifest

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "matcher" / "brief_corpus"


def main(paths: list[str]) -> None:
    """Score each corpus file on its own."""
    trained_on = read_manifest()["sources"]
    for path in paths or [str(CORPUS / "development.jsonl"), str(CORPUS / "held_aside.jsonl")]:
        score = score_briefs(load_corpus(path), parse_brief)
        name = Path(path).name
        print("\n".join(score_lines(score, f"{name} (trained on)" if name in trained_on else name)))


if __name__ == "__main__":
    main(sys.argv[1:])
