"""Labeled pairs and runs in ranx's terms: qrels from the labeled-pairs CSV, runs from match JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from ranx import Qrels, Run


def qrels_from_csv(path: str | Path) -> Qrels:
    """Labeled pairs `brief_id,creator_id,relevance` as ranx Qrels."""
    pairs = pd.read_csv(path, dtype={"brief_id": str, "creator_id": str})
    judged: dict[str, dict[str, int]] = {}
    for brief_id, creator_id, relevance in zip(pairs["brief_id"], pairs["creator_id"], pairs["relevance"],
                                               strict=True):
        judged.setdefault(brief_id, {})[creator_id] = int(relevance)
    return Qrels(judged)


def run_from_match_jsonl(path: str | Path, name: str = "run") -> Run:
    """The results of `creatormatch match --json` (one brief per line) as a ranx Run.

    Scores are the engine's own; ties are broken by rank so the run keeps the engine's order.
    """
    ranked: dict[str, dict[str, float]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        answer = json.loads(line)
        results = answer["results"]
        ranked[str(answer["brief_id"])] = {
            str(r["creator_id"]): float(len(results) - position) for position, r in enumerate(results)}
    return Run(ranked, name=name)
