"""The build's quality gate: labeled pairs kept in the store, the new version scored against the serving one."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index import GateDecision
from matcher import PRESETS, Matcher

if TYPE_CHECKING:
    from ranx import Qrels

    from eval.pairs import Skipped

# the metrics, the labeled pairs and the runner import ranx and SciPy (1.3 s): they are imported where a gate is
# configured or checked, so that a build in a store without a gate does not pay for them

GATE_FOLDER = "gate"
DEFAULT_MARGIN = 0.02
DEFAULT_METRIC = "ndcg@10"


@dataclass(frozen=True)
class QualityGate:
    """A `PublishGate`: refuses a version whose metric falls more than `margin` below the serving one's.

    Parameters
    ----------
    briefs, qrels
        Labeled briefs (eval formats of DESIGN.md), read by `load_gate`.
    margin
        Largest allowed drop in the metric, in absolute units (0.02 = two nDCG points).
    preset
        Ranking preset the briefs are matched with (the serving default when None).
    """

    briefs: list[dict[str, Any]]
    qrels: Qrels
    margin: float = DEFAULT_MARGIN
    metric: str = DEFAULT_METRIC
    preset: str | None = None
    depth: int = 100

    def score(self, matcher: Matcher) -> float:
        """Mean of the gate's metric over its briefs (ranx)."""
        from eval.metrics import mean_metrics, per_brief_metrics
        from eval.pairs import run_from_rankings
        from eval.runner import Configuration, rank_briefs

        configuration = Configuration("gate", "engine", self.preset)
        rankings = rank_briefs(matcher, self.briefs, [configuration], self.depth)
        per_brief = per_brief_metrics(self.qrels, {"gate": run_from_rankings(rankings["gate"], "gate")},
                                      (self.metric,))
        return float(mean_metrics(per_brief, (self.metric,)).iloc[0][self.metric])

    def check(self, candidate: Matcher, serving: Matcher | None) -> GateDecision:
        """Score both versions on the same briefs and decide."""
        new = self.score(candidate)
        if serving is None:
            return GateDecision(True, self.metric, new, None, self.margin,
                                f"{self.metric} {new:.4f} (first build: nothing to compare with)")
        old = self.score(serving)
        passed = new >= old - self.margin
        relation = "within" if passed else "more than"
        return GateDecision(passed, self.metric, new, old, self.margin,
                            f"{self.metric} {new:.4f} vs serving {old:.4f}: change {new - old:+.4f}, {relation} "
                            f"the allowed drop of {self.margin}")


def configure_gate(store_dir: str | Path, briefs: str | Path, labels: str | Path, *, margin: float = DEFAULT_MARGIN,
                   metric: str = DEFAULT_METRIC, preset: str | None = None) -> tuple[QualityGate, Skipped]:
    """Validate labeled pairs and keep a copy in the store, so every later build there is gated by them."""
    from eval.metrics import METRICS
    from eval.pairs import EvaluationError, Skipped

    if not margin >= 0:
        raise EvaluationError(f"gate margin must be >= 0, got {margin}")
    if metric not in METRICS:
        raise EvaluationError(f"gate metric '{metric}' is not one of {', '.join(METRICS)}")
    if preset is not None and preset not in PRESETS:
        raise EvaluationError(f"gate preset '{preset}' is not one of {', '.join(PRESETS)}")
    skipped = Skipped()
    gate = _read(Path(briefs), Path(labels), margin, metric, preset, skipped)
    folder = Path(store_dir) / GATE_FOLDER
    staging = folder.with_name(f".{GATE_FOLDER}.new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copyfile(briefs, staging / "briefs.jsonl")
    shutil.copyfile(labels, staging / "labels.csv")
    (staging / "gate.json").write_text(json.dumps({"margin": margin, "metric": metric, "preset": preset}, indent=2),
                                       encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return gate, skipped


def load_gate(store_dir: str | Path) -> QualityGate | None:
    """The store's configured gate, or None when none is configured."""
    folder = Path(store_dir) / GATE_FOLDER
    if not (folder / "gate.json").exists():
        return None
    from eval.pairs import EvaluationError, Skipped

    try:
        config = json.loads((folder / "gate.json").read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{folder / 'gate.json'}: not valid JSON ({exc.msg})") from None
    return _read(folder / "briefs.jsonl", folder / "labels.csv", float(config.get("margin", DEFAULT_MARGIN)),
                 str(config.get("metric", DEFAULT_METRIC)), config.get("preset"), Skipped())


def clear_gate(store_dir: str | Path) -> bool:
    """Remove the store's gate; True when there was one."""
    folder = Path(store_dir) / GATE_FOLDER
    existed = folder.exists()
    shutil.rmtree(folder, ignore_errors=True)
    return existed


def _read(briefs_path: Path, labels_path: Path, margin: float, metric: str, preset: str | None,
          skipped: Skipped) -> QualityGate:
    from eval.pairs import labeled_briefs, load_briefs, load_labels

    briefs = load_briefs(briefs_path, skipped)
    judged = load_labels(labels_path, {b["brief_id"] for b in briefs}, skipped)
    kept, qrels = labeled_briefs(briefs, judged, skipped)
    return QualityGate(kept, qrels, margin, metric, preset)
