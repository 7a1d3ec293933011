"""Run configurations (presets, weight sets, baselines) over labeled briefs and score them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from ranx import Qrels

from eval.baselines import BM25Ranker, cosine_ranking, random_ranking, reciprocal_rank_fusion
from eval.metrics import METRICS, mean_metrics, per_brief_metrics, significance
from eval.pairs import run_from_rankings
from matcher import BriefError, Matcher
from matcher.briefs import filters_from_options, parse_brief, with_filters
from matcher.documents import clean_text
from matcher.ranking import parse_weights

BASELINES = ("cosine", "bm25", "random", "hybrid")


@dataclass(frozen=True)
class Configuration:
    """One ranking to evaluate: an engine preset (with optional weights) or a baseline."""

    name: str
    kind: str  # "engine" or one of BASELINES
    preset: str | None = None
    weights: dict[str, float] | None = None

    @property
    def is_baseline(self) -> bool:
        """Baselines are measured, never gated by --fail-under."""
        return self.kind != "engine"


def parse_configurations(text: str, presets: Sequence[str]) -> list[Configuration]:
    """`relevance,balanced,bm25,random,hybrid,mine=niche:0.7+trust:0.3` into configurations."""
    configurations: list[Configuration] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        if "=" in item:
            name, _, spec = item.partition("=")
            weights = parse_weights(spec, separator="+", assign=":")
            configurations.append(Configuration(name.strip(), "engine", "relevance", weights))
        elif item in BASELINES:
            configurations.append(Configuration(item, item))
        elif item in presets:
            configurations.append(Configuration(item, "engine", item))
        else:
            raise BriefError(field="configs", message=f"unknown '{item}' (presets: {', '.join(presets)}; baselines: "
                             f"{', '.join(BASELINES)}; or name=component:weight+...)")
    if not configurations:
        raise BriefError(field="configs", message="no configuration given")
    if len({c.name for c in configurations}) != len(configurations):
        raise BriefError(field="configs", message="names must be unique")
    return configurations


@dataclass
class EvaluationResult:
    """Rankings, metrics, p-values and shortlist quality of every configuration."""

    configurations: list[Configuration]
    rankings: dict[str, dict[str, list[str]]]
    per_brief: pd.DataFrame
    summary: pd.DataFrame
    p_values: pd.DataFrame
    shortlist: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def creator_documents(matcher: Matcher) -> list[str]:
    """Each creator's embedded texts (bio and recent captions, cleaned), joined: BM25's documents."""
    units = matcher.index.units
    parts: list[list[str]] = [[] for _ in range(len(matcher.index.creators))]
    for row, text in zip(units["creator_row"].to_numpy(dtype=np.int64), units["shown"], strict=True):
        parts[row].append(clean_text(str(text)))
    return [" ".join(texts) for texts in parts]


def rank_briefs(matcher: Matcher, briefs: list[dict[str, Any]], configurations: list[Configuration], k: int,
                seed: int = 0, progress: Callable[[str], None] | None = None) -> dict[str, dict[str, list[str]]]:
    """Ranked creator ids per configuration and brief, filters from each brief applied to all."""
    ids = matcher.index.creators["creator_id"].to_numpy()
    needs_bm25 = any(c.kind in ("bm25", "hybrid") for c in configurations)
    bm25 = BM25Ranker(creator_documents(matcher)) if needs_bm25 else None
    rng = np.random.default_rng(seed)
    rankings: dict[str, dict[str, list[str]]] = {c.name: {} for c in configurations}
    for number, brief in enumerate(briefs, start=1):
        if progress:
            progress(f"brief {number}/{len(briefs)}: {brief['brief_id']}")
        explicit = filters_from_options(brief)
        parsed = with_filters(parse_brief(brief["text"]), explicit)
        allowed, _ = matcher.eligible(parsed.filters)
        dense: list[int] | None = None
        for configuration in configurations:
            if configuration.kind == "engine":
                response = matcher.match(brief["text"], k=k, preset=configuration.preset,
                                         weights=configuration.weights, filters=explicit)
                ranked = [m.creator_id for m in response.results]
            elif configuration.kind == "cosine":
                query = matcher.encoder.encode([parsed.query_text])[0]
                ranked = list(ids[cosine_ranking(query, matcher.search, k, allowed)])
            elif configuration.kind == "bm25":
                assert bm25 is not None
                ranked = list(ids[bm25.rank(parsed.query_text, k, allowed)])
            elif configuration.kind == "random":
                ranked = list(ids[random_ranking(allowed, k, rng)])
            else:  # hybrid: fuse BM25 with the dense relevance ranking
                assert bm25 is not None
                if dense is None:
                    response = matcher.match(brief["text"], k=k, preset="relevance", filters=explicit)
                    row_of = {cid: i for i, cid in enumerate(ids)}
                    dense = [row_of[m.creator_id] for m in response.results]
                fused = reciprocal_rank_fusion([dense, list(bm25.rank(parsed.query_text, k, allowed))], k)
                ranked = list(ids[fused])
            rankings[configuration.name][brief["brief_id"]] = [str(c) for c in ranked]
    return rankings


def shortlist_quality(matcher: Matcher, rankings: dict[str, dict[str, list[str]]], depth: int = 10) -> pd.DataFrame:
    """Mean engagement, trust and loyalty score of each configuration's top `depth`, and flagged results.

    Scores are the creators' signal scores (missing ones left out of the mean); `flagged@10` is the
    mean number of top-10 results per brief that carry at least one warning flag.
    """
    creators = matcher.index.creators.set_index("creator_id")
    rows: list[dict[str, Any]] = []
    for name, per_brief in rankings.items():
        tops = [creators.loc[ranked[:depth]] for ranked in per_brief.values() if ranked]
        if not tops:
            rows.append({"configuration": name})
            continue
        top = pd.concat(tops)
        rows.append({
            "configuration": name,
            "engagement@10": float(np.nanmean(top["engagement_score"])) if top["engagement_score"].notna().any()
            else float("nan"),
            "trust@10": float(np.nanmean(top["trust_score"])) if top["trust_score"].notna().any() else float("nan"),
            "loyalty@10": float(np.nanmean(top["loyalty_score"])) if top["loyalty_score"].notna().any()
            else float("nan"),
            "flagged@10": float(np.mean([sum(len(f) > 0 for f in t["flags"]) for t in tops])),
        })
    return pd.DataFrame(rows).set_index("configuration")


def evaluate_configurations(matcher: Matcher, briefs: list[dict[str, Any]], qrels: Qrels,
                            configurations: list[Configuration], *, k: int = 100, stat_test: str = "fisher",
                            seed: int = 0, progress: Callable[[str], None] | None = None) -> EvaluationResult:
    """Rank every brief under every configuration, then score, test and profile the shortlists."""
    rankings = rank_briefs(matcher, briefs, configurations, k, seed, progress)
    runs = {name: run_from_rankings(per_brief, name) for name, per_brief in rankings.items()}
    per_brief = per_brief_metrics(qrels, runs)
    summary = mean_metrics(per_brief)
    p_values = significance(qrels, runs, stat_test=stat_test) if len(runs) > 1 else pd.DataFrame(
        columns=["a", "b", "metric", "p_value"])
    return EvaluationResult(configurations, rankings, per_brief, summary, p_values,
                            shortlist_quality(matcher, rankings), [])


def check_thresholds(result: EvaluationResult, thresholds: Sequence[str]) -> list[str]:
    """Failures of `[CONFIG:]METRIC=VALUE` gates; without CONFIG a gate applies to every non-baseline."""
    failures = []
    engine = [c.name for c in result.configurations if not c.is_baseline]
    for gate in thresholds:
        target, _, value = gate.partition("=")
        config, _, metric = target.rpartition(":")
        metric = metric.strip().lower()
        if metric not in METRICS:
            raise BriefError(f"fail-under: unknown metric '{metric}' (one of {', '.join(METRICS)})")
        try:
            floor = float(value)
        except ValueError:
            raise BriefError(f"fail-under: '{gate}' is not [CONFIG:]METRIC=VALUE") from None
        names = [config] if config else engine
        for name in names:
            if name not in result.summary.index:
                raise BriefError(f"fail-under: unknown configuration '{name}'")
            measured = float(result.summary.at[name, metric])  # type: ignore[arg-type]
            if not measured >= floor:
                failures.append(f"{name}: {metric} {measured:.4f} < {floor}")
    return failures
