"""Evaluation: labeled pairs, runs and IR metrics (through ranx)."""

from eval.pairs import qrels_from_csv, run_from_match_jsonl

__all__ = ["qrels_from_csv", "run_from_match_jsonl"]
