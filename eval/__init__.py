"""Evaluation: labeled pairs, baselines, ranx metrics with significance tests, and reports.

The feedback users give (the labeled pairs it exports for evaluation) is stored by `index.feedback`.

The public names are loaded on first use (PEP 562): `from eval import load_gate` in a build that has no gate
must not import ranx and SciPy (1.3 s of the 13 s of a Kim rebuild, docs/benchmarks.md). The imports under
TYPE_CHECKING are the same names, for type checkers and readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matcher.lazy import lazy_names

if TYPE_CHECKING:
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
    from eval.runner import (
        Configuration,
        EvaluationResult,
        check_thresholds,
        evaluate_configurations,
        parse_configurations,
    )
    from eval.tuning import TuningResult, tune_weights

# each public name and the module that defines it
_SOURCES = {
    "QualityGate": "eval.gate",
    "clear_gate": "eval.gate",
    "configure_gate": "eval.gate",
    "load_gate": "eval.gate",
    "METRICS": "eval.metrics",
    "mean_metrics": "eval.metrics",
    "per_brief_metrics": "eval.metrics",
    "significance": "eval.metrics",
    "EvaluationError": "eval.pairs",
    "Skipped": "eval.pairs",
    "labeled_briefs": "eval.pairs",
    "load_briefs": "eval.pairs",
    "load_labels": "eval.pairs",
    "qrels_from_csv": "eval.pairs",
    "run_from_match_jsonl": "eval.pairs",
    "run_from_rankings": "eval.pairs",
    "with_feedback": "eval.pairs",
    "LabelledBrief": "eval.reading",
    "ReadingScore": "eval.reading",
    "load_corpus": "eval.reading",
    "score_briefs": "eval.reading",
    "score_lines": "eval.reading",
    "write_report": "eval.report",
    "Configuration": "eval.runner",
    "EvaluationResult": "eval.runner",
    "check_thresholds": "eval.runner",
    "evaluate_configurations": "eval.runner",
    "parse_configurations": "eval.runner",
    "TuningResult": "eval.tuning",
    "tune_weights": "eval.tuning",
}

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


__getattr__, __dir__ = lazy_names(__name__, _SOURCES)
