"""Weights learned from labelled pairs: a constrained coordinate-ascent search over the re-ranking's component
weights, cross-validated over briefs, and the rule that decides whether the learned preset may become the default.

The ranking stays the engine's weighted mean of 0..1 components (`matcher.ranking.combine`), so a learned preset
is explained exactly like a hand-set one. The search is coordinate ascent on the metric itself (Metzler & Croft
2007, "Linear feature-based models for information retrieval", the learner RankLib ships as CoorAscent) with the
weights kept non-negative and summing to one. Candidate pools are retrieved once per brief; re-weighting them is
pure numpy, and its nDCG is checked against ranx in the tests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from ranx import Qrels

from eval.metrics import mean_metrics, per_brief_metrics, significance
from eval.pairs import EvaluationError, run_from_rankings
from index.manifest import LearnedPreset
from matcher import COMPONENTS, PRESETS, Matcher
from matcher.briefs import filters_from_options
from matcher.query import names_a_brand

# the relative weights coordinate ascent tries for one component while the others keep their proportions
GRID: tuple[float, ...] = (0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
METRIC = "ndcg@10"
DEPTH = 10
RANKED = 100  # creators kept per brief in the rankings ranx scores


@dataclass(frozen=True)
class BriefPool:
    """One brief's candidate pool as the engine retrieves it: each creator's normalized components (one column
    per name in `COMPONENTS`), the raw niche similarity that breaks ties, and the labels' gains."""

    brief_id: str
    creator_ids: NDArray[Any]
    components: NDArray[np.float64]
    niche_raw: NDArray[np.float64]
    gains: NDArray[np.float64]
    ideal_dcg: float


def discounted_gain(gains: NDArray[np.float64], depth: int = DEPTH) -> float:
    """DCG of gains in rank order, the first `depth` of them: sum(gain / log2(rank + 1)) (Järvelin & Kekäläinen
    2002, the form ranx's `ndcg` uses)."""
    top = np.asarray(gains, dtype=float)[:depth]
    return float(np.sum(top / np.log2(np.arange(2, len(top) + 2))))


def pool_order(pool: BriefPool, weights: NDArray[np.float64]) -> NDArray[np.int64]:
    """Pool positions best first under `weights` (ties keep the niche order, as the engine does)."""
    return np.lexsort((-pool.niche_raw, -(pool.components @ weights)))


def pool_ndcg(pool: BriefPool, weights: NDArray[np.float64], depth: int = DEPTH) -> float:
    """nDCG@depth of the pool ranked by `weights`; the ideal counts every judged creator, in the pool or not."""
    if pool.ideal_dcg <= 0:
        return 0.0
    return discounted_gain(pool.gains[pool_order(pool, weights)], depth) / pool.ideal_dcg


def mean_ndcg(pools: Sequence[BriefPool], weights: NDArray[np.float64], depth: int = DEPTH) -> float:
    """Mean nDCG@depth over briefs."""
    return float(np.mean([pool_ndcg(pool, weights, depth) for pool in pools])) if pools else 0.0


def as_vector(weights: Mapping[str, float]) -> NDArray[np.float64]:
    """A preset's weights in `COMPONENTS` order, summing to one."""
    vector = np.array([float(weights.get(name, 0.0)) for name in COMPONENTS])
    if vector.sum() <= 0 or (vector < 0).any():
        raise ValueError("weights must be non-negative with a positive sum")
    return vector / vector.sum()


def coordinate_ascent(pools: Sequence[BriefPool], starts: Sequence[NDArray[np.float64]], depth: int = DEPTH,
                      rounds: int = 25) -> tuple[NDArray[np.float64], float]:
    """The weights (non-negative, summing to one) with the best mean nDCG@depth over `pools` that coordinate
    ascent finds from each start; returns them and their score.

    Each step sets one component's share to a value of `GRID` and rescales the others to fill the rest; a step is
    taken only when it raises the mean, so ties keep the start's weights (Metzler & Croft 2007).
    """
    if not pools:
        raise EvaluationError("no labelled brief to learn from")
    best, best_score = starts[0], -1.0
    for start in starts:
        weights = np.asarray(start, dtype=float) / np.sum(start)
        score = mean_ndcg(pools, weights, depth)
        for _ in range(rounds):
            improved = False
            for component in range(len(weights)):
                others = weights.sum() - weights[component]
                for share in GRID:
                    if others <= 0 and share < 1.0:
                        continue
                    trial = weights * ((1.0 - share) / others) if others > 0 else np.zeros_like(weights)
                    trial[component] = share
                    trial_score = mean_ndcg(pools, trial, depth)
                    if trial_score > score + 1e-12:
                        weights, score, improved = trial, trial_score, True
                        others = weights.sum() - weights[component]
            if not improved:
                break
        if score > best_score + 1e-12:
            best, best_score = weights, score
    return best, best_score


def without_constant_components(pools: Sequence[BriefPool], weights: NDArray[np.float64]) -> NDArray[np.float64]:
    """`weights` with no weight on a component that is the same for every creator of every pool: it ranks nothing
    there, so its weight (left over from a start, say `balanced`'s brand fit on briefs that name no brand) is not
    learned and must not act on briefs where it would vary."""
    varies = np.zeros(len(weights), dtype=bool)
    for pool in pools:
        varies |= np.ptp(pool.components, axis=0) > 1e-12 if len(pool.components) else False
    kept = np.where(varies, weights, 0.0)
    return kept / kept.sum() if kept.sum() > 0 else weights


def collect_pools(matcher: Matcher, briefs: Sequence[dict[str, Any]], qrels: Qrels | None = None,
                  progress: Callable[[str], None] | None = None) -> list[BriefPool]:
    """Each labelled brief's candidate pool with its components, retrieved once (briefs nobody passes are left
    out): re-ranking them under any weights is then a matrix product. Without `qrels` every gain is 0."""
    judged = qrels.to_dict() if qrels is not None else {}
    pools = []
    for number, brief in enumerate(briefs, start=1):
        if progress:
            progress(f"pool {number}/{len(briefs)}: {brief['brief_id']}")
        query = matcher.query(brief["text"], preset="relevance", filters=filters_from_options(brief),
                              brief_id=brief["brief_id"])
        if query.eligible == 0:
            continue
        settings = matcher.settings
        # the pool the engine ranks when a brand counts: learned weights may give brand fit a share
        size = settings.brand_pool if names_a_brand(query.filters) else settings.candidate_pool
        ranked = matcher.rank(query, max(size, query.limit))
        labels = judged.get(brief["brief_id"], {})
        ids = np.asarray(ranked.columns["creator_id"]).astype(str)
        gains = np.array([float(labels.get(cid, 0)) for cid in ids])
        ideal = discounted_gain(np.sort(np.array(list(labels.values()), dtype=float))[::-1])
        components = np.column_stack([ranked.combined.normalized[name] for name in COMPONENTS])
        pools.append(BriefPool(str(brief["brief_id"]), ids, components, ranked.niche_raw.astype(float), gains, ideal))
    return pools


def rankings_of(pools: Sequence[BriefPool], weights: Mapping[str, NDArray[np.float64]],
                ranked: int = RANKED) -> dict[str, list[str]]:
    """Creator ids best first per brief, each brief under its own weights."""
    return {pool.brief_id: [str(c) for c in pool.creator_ids[pool_order(pool, weights[pool.brief_id])[:ranked]]]
            for pool in pools}


def named_weights(vector: NDArray[np.float64]) -> dict[str, float]:
    """A weight vector as a preset: {component: weight}, the zero ones left out, rounded to 4 places."""
    return {name: round(float(weight), 4) for name, weight in zip(COMPONENTS, vector, strict=True) if weight > 0}


def fold_of(brief_ids: Sequence[str], folds: int, seed: int = 0) -> dict[str, int]:
    """Each brief's fold: briefs shuffled with `seed`, then dealt round-robin."""
    order = np.random.default_rng(seed).permutation(len(brief_ids))
    return {brief_ids[position]: rank % folds for rank, position in enumerate(order)}


def training_hash(briefs: Sequence[dict[str, Any]], qrels: Qrels) -> str:
    """sha256 of the briefs (id, text, filters) and labelled pairs a preset learned from, order-independent."""
    rows = sorted(json.dumps(brief, sort_keys=True, default=str) for brief in briefs)
    pairs = sorted(f"{b}\t{c}\t{g}" for b, judged in qrels.to_dict().items() for c, g in judged.items())
    return hashlib.sha256("\n".join([*rows, "--", *pairs]).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Adoption:
    """Whether a learned preset may replace the default, and why."""

    adopt: bool
    reason: str


def shown_p(p_value: float) -> str:
    """A p-value as a sentence shows it; 0 from a randomization test means below its resolution."""
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"


def adoption(learned: str, default: str, gain: float, p_value: float, margin: float, alpha: float) -> Adoption:
    """The rule: the learned preset beats the default on held-out folds by at least `margin` in mean nDCG@10
    and a paired randomization test finds it unlikely to be chance (p < `alpha`)."""
    if gain < margin:
        return Adoption(False, f"refused: {learned} beats {default} by {gain:+.4f} {METRIC} on held-out folds, "
                               f"less than the margin {margin}")
    if not p_value < alpha:
        return Adoption(False, f"refused: {learned} beats {default} by {gain:+.4f} {METRIC} on held-out folds, "
                               f"but {shown_p(p_value)}, not under {alpha}: the gain may be chance")
    return Adoption(True, f"adopted: {learned} beats {default} by {gain:+.4f} {METRIC} on held-out folds (margin "
                          f"{margin}), {shown_p(p_value)} < {alpha}")


@dataclass
class TuningResult:
    """What `tune` learned and measured: the weights fitted on every brief, and the cross-validated comparison
    (per brief, and the mean) of the learned weights with every hand-set preset on folds they did not see."""

    name: str
    weights: dict[str, float]
    default: str
    folds: int
    briefs: int
    pairs: int
    training_sha256: str
    cross_validated: dict[str, float]
    per_brief: pd.DataFrame
    gain: float
    p_value: float
    decision: Adoption
    fold_weights: list[dict[str, float]] = field(default_factory=list)

    def preset(self, revision: int, trained_on_version: str) -> LearnedPreset:
        """The learned preset as the store keeps it (`index.presets`)."""
        return LearnedPreset(
            name=self.name, revision=revision, weights=self.weights,
            trained_at=pd.Timestamp.now(tz="UTC").isoformat(), trained_on_version=trained_on_version,
            training_sha256=self.training_sha256, briefs=self.briefs, pairs=self.pairs, folds=self.folds,
            metric=METRIC, cross_validated={name: round(value, 6) for name, value in self.cross_validated.items()},
            baseline=self.default, gain=round(self.gain, 6), p_value=round(self.p_value, 6),
            adopted=self.decision.adopt, reason=self.decision.reason)


def tune_weights(matcher: Matcher, briefs: Sequence[dict[str, Any]], qrels: Qrels, *, name: str, default: str,
                 folds: int = 5, margin: float = 0.01, alpha: float = 0.05, seed: int = 0,
                 progress: Callable[[str], None] | None = None) -> TuningResult:
    """Learn a preset's weights on labelled briefs and compare it, fold by fold, with the hand-set presets.

    Parameters
    ----------
    matcher
        The serving version's matcher; its hand-set presets are the starts of the search and are compared.
    briefs, qrels
        Labelled briefs (`eval.labeled_briefs`).
    name, default
        The learned preset's name, and the preset it must beat to become the default.
    folds
        Cross-validation folds over briefs (at least 2, at most the number of briefs).
    margin, alpha
        The adoption rule (`adoption`).
    """
    # the hand-set presets, and the default when a learned one is: a preset learned before may have seen these
    # very briefs, so it is neither a start nor a comparison beside the one it must beat
    presets = {preset: as_vector(weights) for preset, weights in matcher.settings.presets.items()
               if preset in PRESETS or preset == default}
    if default not in presets:
        raise EvaluationError(f"the default preset '{default}' is not one of {', '.join(presets)}")
    pools = collect_pools(matcher, briefs, qrels, progress)
    if len(pools) < max(2, folds):
        raise EvaluationError(f"{len(pools)} labelled briefs with candidates: cross-validation over {folds} folds "
                              f"needs at least {max(2, folds)}")
    if folds < 2:
        raise EvaluationError("folds: needs at least 2")
    ids = [pool.brief_id for pool in pools]
    assignment = fold_of(ids, folds, seed)
    starts = [vector for preset, vector in presets.items() if preset in PRESETS]
    held_out: dict[str, NDArray[np.float64]] = {}
    fold_weights = []
    for fold in range(folds):
        if progress:
            progress(f"fold {fold + 1}/{folds}")
        train = [pool for pool in pools if assignment[pool.brief_id] != fold]
        weights = without_constant_components(train, coordinate_ascent(train, starts)[0])
        fold_weights.append(weights)
        held_out.update({pool.brief_id: weights for pool in pools if assignment[pool.brief_id] == fold})
    final = without_constant_components(pools, coordinate_ascent(pools, starts)[0])
    rankings = {name: rankings_of(pools, held_out)}
    rankings.update({preset: rankings_of(pools, dict.fromkeys(ids, vector)) for preset, vector in presets.items()})
    runs = {config: run_from_rankings(per_brief, config) for config, per_brief in rankings.items()}
    kept = Qrels({brief_id: judged for brief_id, judged in qrels.to_dict().items() if brief_id in set(ids)})
    per_brief = per_brief_metrics(kept, runs)
    means = mean_metrics(per_brief, (METRIC,))[METRIC]
    p_values = significance(kept, {name: runs[name], default: runs[default]}, metrics=(METRIC,))
    gain = float(means[name] - means[default])
    p_value = float(p_values["p_value"].iloc[0])
    pairs = sum(len(judged) for judged in kept.to_dict().values())
    return TuningResult(name, named_weights(final), default, folds, len(pools), pairs,
                        training_hash(briefs, qrels), {str(c): float(v) for c, v in means.items()}, per_brief, gain,
                        p_value, adoption(name, default, gain, p_value, margin, alpha),
                        [named_weights(w) for w in fold_weights])
