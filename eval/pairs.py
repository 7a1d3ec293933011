"""Briefs and labeled pairs in, validated; ranx Qrels and Runs out.

Bad input is skipped with a count and a message, never a crash: unknown brief ids, duplicate
pairs, non-integer or negative relevance, and briefs with no relevant label. The briefs reader is
also the command line's (`match --briefs`), which refuses a bad line instead, naming it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from ranx import Qrels, Run

from index.feedback import FeedbackRecord, from_spreadsheet_safe
from matcher import CreatorMatchError


class EvaluationError(CreatorMatchError):
    """Evaluation input that cannot be used at all (unreadable file, missing columns, nothing left)."""


@dataclass
class Skipped:
    """What was left out of an evaluation and why, with counts."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, reason: str, example: str) -> None:
        """Count one skipped item; keep the first example of each reason."""
        self.counts[reason] += 1
        self.examples.setdefault(reason, example)

    def lines(self) -> list[str]:
        """One line per reason: count, reason, first example."""
        return [f"skipped {n} {reason} (e.g. {self.examples[reason]})" for reason, n in self.counts.items()]


def load_briefs(path: str | Path, skipped: Skipped | None = None) -> list[dict[str, Any]]:
    """Briefs JSONL: one object per line with a `text`, an optional `brief_id` (default "line-N") and filter options.

    With `skipped` a line that cannot be used is counted there and left out (an evaluation goes on
    with the rest); without it, it is an error naming the file and the line (`creatormatch match --briefs`).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read briefs ({exc})") from None
    briefs: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record, problem = _brief_record(line)
        brief_id = from_spreadsheet_safe(str(record.get("brief_id") or f"line-{number}"))
        if problem is None and brief_id in seen:
            problem = ("duplicate brief ids", f"brief_id '{brief_id}' is already on an earlier line")
        if problem is not None:
            reason, detail = problem
            if skipped is None:
                raise EvaluationError(f"{path} line {number}: {detail}")
            skipped.add(reason, brief_id if reason == "duplicate brief ids" else f"line {number}")
            continue
        seen.add(brief_id)
        briefs.append({**record, "brief_id": brief_id})
    if not briefs:
        raise EvaluationError(f"{path}: no usable briefs")
    return briefs


def _brief_record(line: str) -> tuple[dict[str, Any], tuple[str, str] | None]:
    """One line's brief object, or what is wrong with it: (the reason counted when skipped, the error's words)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {}, ("brief lines that are not JSON", f"not valid JSON ({exc.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        return {}, ("brief lines without a text", "needs an object with a non-empty 'text' string")
    return record, None


def load_labels(path: str | Path, brief_ids: set[str], skipped: Skipped) -> dict[str, dict[str, int]]:
    """Labeled pairs `brief_id,creator_id,relevance` for the given briefs, validated."""
    try:
        pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise EvaluationError(f"{path}: cannot read labeled pairs ({exc})") from None
    missing = {"brief_id", "creator_id", "relevance"} - set(pairs.columns)
    if missing:
        raise EvaluationError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    judged: dict[str, dict[str, int]] = {}
    for row, (brief_id, creator_id, relevance) in enumerate(
            zip(pairs["brief_id"].map(from_spreadsheet_safe), pairs["creator_id"].map(from_spreadsheet_safe),
                pairs["relevance"], strict=True), start=2):
        where = f"{Path(path).name} line {row}"
        try:
            grade = int(relevance.strip())
        except ValueError:
            skipped.add("pairs with a non-integer relevance", f"{where}: '{relevance}'")
            continue
        if grade < 0:
            skipped.add("pairs with a negative relevance", f"{where}: {grade}")
            continue
        if brief_id not in brief_ids:
            skipped.add("pairs of unknown brief ids", f"{where}: '{brief_id}'")
            continue
        if creator_id in judged.get(brief_id, {}):
            skipped.add("duplicate pairs", f"{where}: {brief_id}/{creator_id}")
            continue
        judged.setdefault(brief_id, {})[creator_id] = grade
    return judged


def labeled_briefs(briefs: list[dict[str, Any]], judged: dict[str, dict[str, int]],
                   skipped: Skipped) -> tuple[list[dict[str, Any]], Qrels]:
    """The briefs that have at least one relevant label, and their qrels."""
    kept = []
    for brief in briefs:
        if any(grade > 0 for grade in judged.get(brief["brief_id"], {}).values()):
            kept.append(brief)
        else:
            skipped.add("briefs with no relevant label", brief["brief_id"])
    if not kept:
        raise EvaluationError("no brief has a relevant labeled pair: nothing to evaluate")
    return kept, Qrels({b["brief_id"]: judged[b["brief_id"]] for b in kept})


def qrels_from_csv(path: str | Path) -> Qrels:
    """Labeled pairs `brief_id,creator_id,relevance` as ranx Qrels (every brief in the file)."""
    pairs = pd.read_csv(path, dtype={"brief_id": str, "creator_id": str})
    judged: dict[str, dict[str, int]] = {}
    for brief_id, creator_id, relevance in zip(pairs["brief_id"].astype(str).map(from_spreadsheet_safe),
                                               pairs["creator_id"].astype(str).map(from_spreadsheet_safe),
                                               pairs["relevance"], strict=True):
        judged.setdefault(brief_id, {})[creator_id] = int(relevance)
    return Qrels(judged)


def run_from_rankings(rankings: dict[str, list[str]], name: str) -> Run:
    """Ranked creator ids per brief as a ranx Run (score = reversed rank, so ties never reorder)."""
    return Run({brief_id: {creator_id: float(len(ranked) - position) for position, creator_id in enumerate(ranked)}
                for brief_id, ranked in rankings.items()}, name=name)


def run_from_match_jsonl(path: str | Path, name: str = "run") -> Run:
    """The results of `creatormatch match --json` (one brief per line) as a ranx Run."""
    rankings: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            answer = json.loads(line)
            rankings[str(answer["brief_id"])] = [str(r["creator_id"]) for r in answer["results"]]
    return run_from_rankings(rankings, name)


def with_feedback(briefs: list[dict[str, Any]], judged: dict[str, dict[str, int]],
                  records: Sequence[FeedbackRecord]) -> tuple[list[dict[str, Any]], dict[str, dict[str, int]]]:
    """Briefs and labels with the users' feedback added: a brief once (by id, the text of its latest click when
    the files lack it), a pair once, the latest click winning over older clicks and over the files' label."""
    texts = {brief["brief_id"]: brief for brief in briefs}
    merged = {brief_id: dict(labels) for brief_id, labels in judged.items()}
    for record in records:  # oldest first: later clicks overwrite earlier ones
        if record.brief_id not in texts or texts[record.brief_id].get("from_feedback"):
            texts[record.brief_id] = {"brief_id": record.brief_id, "text": record.brief_text, "from_feedback": True}
        merged.setdefault(record.brief_id, {})[record.creator_id] = int(record.relevance)
    return [{k: v for k, v in brief.items() if k != "from_feedback"} for brief in texts.values()], merged
