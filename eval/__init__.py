"""Evaluation: labeled pairs, baselines, ranx metrics with significance tests, and reports."""

from eval.feedback import (
    ExportedFeedback,
    FeedbackError,
    FeedbackRecord,
    FeedbackStore,
    brief_id_of,
    check_feedback_target,
    store_feedback_url,
)
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
)
from eval.reading import LabelledBrief, ReadingScore, load_corpus, score_briefs, score_lines
from eval.report import write_report
from eval.runner import Configuration, EvaluationResult, check_thresholds, evaluate_configurations, parse_configurations

__all__ = [
    "METRICS",
    "Configuration",
    "EvaluationError",
    "EvaluationResult",
    "ExportedFeedback",
    "FeedbackError",
    "FeedbackRecord",
    "FeedbackStore",
    "LabelledBrief",
    "QualityGate",
    "ReadingScore",
    "Skipped",
    "brief_id_of",
    "check_feedback_target",
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
    "store_feedback_url",
    "write_report",
]
