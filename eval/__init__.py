"""Evaluation: labeled pairs, baselines, ranx metrics with significance tests, and reports.

The feedback users give (the labeled pairs it exports for evaluation) is stored by `index.feedback`.
"""

from eval.gate import QualityGate, clear_gate, configure_gate, load_gate
from eval.metrics import METRICS, mean_metrics, per_brief_metrics, significance
from eval.pairs import (
    EvaluationError,
    Skipped,
    labeled_briefs,
    load_briefs,
    load_labels,
    qrels_from_csv,
    run_from_match_jsonl,
    run_from_rankings,
    with_feedback,
)
from eval.reading import LabelledBrief, ReadingScore, load_corpus, score_briefs, score_lines
from eval.report import write_report
from eval.runner import Configuration, EvaluationResult, check_thresholds, evaluate_configurations, parse_configurations
from eval.tuning import TuningResult, tune_weights

__all__ = [
    "METRICS",
    "Configuration",
    "EvaluationError",
    "EvaluationResult",
    "LabelledBrief",
    "QualityGate",
    "ReadingScore",
    "Skipped",
    "TuningResult",
    "check_thresholds",
    "clear_gate",
    "configure_gate",
    "evaluate_configurations",
    "labeled_briefs",
    "load_briefs",
    "load_corpus",
    "load_gate",
    "load_labels",
    "mean_metrics",
    "parse_configurations",
    "per_brief_metrics",
    "qrels_from_csv",
    "run_from_match_jsonl",
    "run_from_rankings",
    "score_briefs",
    "score_lines",
    "significance",
    "tune_weights",
    "with_feedback",
    "write_report",
]
