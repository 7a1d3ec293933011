"""The benchmark's tables (Markdown, as printed and pasted into docs/benchmarks.md) and its latency plot."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path

from bench.embedding import BriefRow, EmbeddingRow
from bench.latency import FilteredRow, LatencyRow
from bench.memory import MemoryRow
from bench.rebuild import RebuildRow
from bench.scale import ScaleRow


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def latency_table(rows: Sequence[LatencyRow]) -> str:
    """Query latency per size, index type and k, with recall@10 against Flat."""
    return "## Query latency\n\n" + _table(
        ["creators", "index", "k", "p50 ms", "p95 ms", "p99 ms", "recall@10 vs Flat", "index build s"],
        [[f"{r.creators:,}", r.index_type, str(r.k), f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}", f"{r.p99_ms:.1f}",
          f"{r.recall_at_10:.3f}", f"{r.build_s:.1f}"] for r in rows])


def filtered_table(rows: Sequence[FilteredRow]) -> str:
    """Filtered search per selectivity: recall against the exact filtered answer, p99 against unfiltered."""
    return "## Filtered search\n\n" + _table(
        ["creators", "index", "selectivity", "eligible", "recall@10 vs exact", "p99 ms", "p99 / unfiltered p99"],
        [[f"{r.creators:,}", r.index_type, f"{r.selectivity:.1%}", f"{r.eligible:,}", f"{r.recall_at_10:.3f}",
          f"{r.p99_ms:.1f}", f"{r.p99_ratio:.2f}"] for r in rows])


def embedding_table(rows: Sequence[EmbeddingRow], source: str) -> str:
    """Texts per second per backend and cosine of its vectors with PyTorch's."""
    return f"## Embedding throughput\n\n{rows[0].texts if rows else 0} captions from {source}.\n\n" + _table(
        ["backend", "max tokens", "batches", "texts/s", "vs first row", "mean cosine", "min cosine"],
        [[r.backend, str(r.max_seq_length), r.batching, f"{r.texts_per_s:.1f}", f"{r.speedup:.2f}x",
          f"{r.mean_cosine:.4f}", f"{r.min_cosine:.4f}"] for r in rows])


def brief_table(rows: Sequence[BriefRow]) -> str:
    """Embedding one brief alone, per backend and threads."""
    return "### One brief at a time (query path)\n\n" + _table(
        ["backend", "threads", "p50 ms", "p95 ms"],
        [[r.backend, r.threads, f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}"] for r in rows])


def rebuild_table(rows: Sequence[RebuildRow]) -> str:
    """Full build vs rebuild after 1% changed, and peak RSS."""
    return "## Rebuild\n\n" + _table(
        ["catalog", "creators", "changed", "backend", "full build s", "rebuild s", "ratio", "texts embedded (full/re)",
         "peak RSS MiB", "peak RSS KiB/creator"],
        [[r.catalog, f"{r.creators:,}", f"{r.changed:,}", r.backend, f"{r.full_s:.1f}", f"{r.rebuild_s:.1f}",
          f"{r.ratio:.1f}x", f"{r.full_embedded:,}/{r.rebuild_embedded:,}", f"{r.peak_rss_mib:.0f}",
          f"{r.rss_kib_per_creator:.1f}"] for r in rows])


def memory_table(rows: Sequence[MemoryRow]) -> str:
    """RSS of a loaded Flat index and version against the raw vector bytes."""
    return "## Memory\n\n" + _table(
        ["creators", "raw vectors MiB", "model MiB", "index (FAISS + exact vectors) MiB", "whole version MiB",
         "index / raw vectors"],
        [[f"{r.creators:,}", f"{r.raw_vectors_mib:.0f}", f"{r.model_mib:.0f}", f"{r.index_mib:.0f}",
          f"{r.version_mib:.0f}", f"{r.index_ratio:.2f}"] for r in rows])


def scale_table(rows: Sequence[ScaleRow]) -> str:
    """Retrieval at scale as a Markdown table: latency, recall against exact search, build time, memory."""
    return "## Retrieval at scale\n\n" + _table(
        ["creators", "index", "filter keeps", "k", "p50 ms", "p95 ms", "p99 ms", "recall@10 vs exact", "build s",
         "raw vectors MiB", "RSS loaded MiB", "RSS after queries MiB (anonymous + mapped file)"],
        [[f"{r.creators:,}", r.index_type, f"{r.selectivity:.1%}", f"{r.k:,}", f"{r.p50_ms:.1f}", f"{r.p95_ms:.1f}",
          f"{r.p99_ms:.1f}", "" if math.isnan(r.recall_at_10) else f"{r.recall_at_10:.3f}", f"{r.build_s:.0f}",
          f"{r.raw_vectors_mib:,.0f}", f"{r.rss_loaded_mib:,.0f}",
          f"{r.rss_after_mib:,.0f} ({r.anonymous_after_mib:,.0f} + {r.file_after_mib:,.0f})"] for r in rows])


def latency_plot(rows: Sequence[LatencyRow], path: Path, k: int = 10) -> Path:
    """p50 and p95 engine latency against catalog size, one line pair per index type (log-scaled sizes)."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on servers or in CI
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5))
    def family(index_type: str) -> str:  # IVF lists grow with the catalog: one line for IVF256, IVF1024, ...
        return re.sub(r"IVF\d+", "IVFn", index_type)

    for number, index_type in enumerate(dict.fromkeys(family(r.index_type) for r in rows)):
        chosen = sorted((r for r in rows if family(r.index_type) == index_type and r.k == k), key=lambda r: r.creators)
        sizes = [r.creators for r in chosen]
        colour = f"C{number}"
        axes.plot(sizes, [r.p95_ms for r in chosen], "o-", color=colour, label=f"{index_type} p95")
        axes.plot(sizes, [r.p50_ms for r in chosen], "s--", color=colour, alpha=0.6, label=f"{index_type} p50")
    axes.axhline(30, color="grey", linestyle=":", label="goal: p95 30 ms")
    axes.set_xscale("log")
    axes.set_xlabel("creators in the catalog")
    axes.set_ylabel(f"engine latency per brief, k={k} (ms)")
    axes.set_title("creatormatch engine latency (one brief at a time, 2-core x86_64)")
    axes.legend(fontsize=8)
    axes.grid(True, alpha=0.3)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
