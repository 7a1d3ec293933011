"""How well the brief reader reads each corpus file: share fully right, per-field accuracy, the misses.

usage: python -m bench.brief_reading [CORPUS.jsonl ...]
       (default: tests/matcher/brief_corpus/development.jsonl and held_aside.jsonl, reported separately)
"""

from __future__ import annotations

import sys
from pathlib import Path

from eval import load_corpus, score_briefs, score_lines
from matcher.briefs import parse_brief

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "matcher" / "brief_corpus"


def main(paths: list[str]) -> None:
    """Score each corpus file on its own."""
    for path in paths or [str(CORPUS / "development.jsonl"), str(CORPUS / "held_aside.jsonl")]:
        score = score_briefs(load_corpus(path), parse_brief)
        print("\n".join(score_lines(score, Path(path).name)))


if __name__ == "__main__":
    main(sys.argv[1:])
