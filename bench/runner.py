"""The `creatormatch bench` / `python -m bench` command: run the sections, print their tables, save JSON and a plot."""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.embedding import DEFAULT_BACKEND

SECTIONS = ("latency", "scale", "embedding", "memory", "rebuild")
# the latency and memory sections hold a whole synthetic version in memory: larger sizes go to `scale` only
IN_MEMORY_LIMIT = 1_000_000


@dataclass(frozen=True)
class BenchPlan:
    """What one benchmark run measures: catalog sizes, index types per size, query and text counts."""

    sizes: tuple[int, ...]
    index_types: dict[int, tuple[str, ...]]
    queries: int
    caption_count: int
    memory_creators: int
    rebuild_creators: int
    sections: tuple[str, ...] = SECTIONS
    rebuild_catalog: tuple[Path, Path] | None = None
    variants: tuple[tuple[str, int, int], ...] = field(default_factory=tuple)
    query_backend: str = DEFAULT_BACKEND
    scale_index_type: str = "auto"


def ivf_pq(creators: int) -> str:
    """An IVF-PQ factory string sized for the catalog: about 4·sqrt(n) lists, 48 4-bit codes (fast-scan PQ).

    8-bit PQ48 took minutes to train on 10k vectors on this machine; 4-bit fast-scan trains in seconds.
    """
    return f"IVF{_ivf_lists(creators)},PQ48x4fs"


def _ivf_lists(creators: int) -> int:
    """About 4·sqrt(n) IVF lists, a power of two between 16 and 4,096."""
    return max(16, min(4096, 1 << round(float(4 * creators**0.5)).bit_length() - 1))


def ivf_sq8(creators: int) -> str:
    """An IVF factory string with 8-bit scalar-quantized vectors, as many lists as `ivf_pq` (2,048 at 1M).

    Trains in about 30 s at 1M here and, probing 1/32 of its lists, found the exact top 10 at 1M.
    """
    return f"IVF{_ivf_lists(creators)},SQ8"


def quick_plan() -> BenchPlan:
    """The CI run: every section on small inputs (well under a minute of measuring on 2 cores)."""
    return BenchPlan(sizes=(10_000,), index_types={10_000: ("HNSW32", ivf_sq8(10_000), ivf_pq(10_000))}, queries=20,
                     caption_count=32, memory_creators=10_000, rebuild_creators=100,
                     variants=(("torch", 128, 64), ("onnx-int8", 128, 16)),
                     # `auto` is Flat at 10k: the compressed first stage is what the quick run must exercise
                     scale_index_type="IVF64,PQ192x4fs")


def full_plan(sizes: Sequence[int] = (10_000, 100_000, 1_000_000)) -> BenchPlan:
    """The documented run: 10k, 100k and 1M creators, every index type, 200 captions, 1M-creator memory."""
    # HNSW32 is left out at 1M: its build ran over 8 minutes on this machine
    types = {n: (*(("HNSW32",) if n < 1_000_000 else ()), ivf_sq8(n), ivf_pq(n)) for n in sizes}
    return BenchPlan(sizes=tuple(sizes), index_types=types, queries=100,
                     caption_count=600, memory_creators=min(max(sizes), IN_MEMORY_LIMIT), rebuild_creators=120)


def machine() -> str:
    """The machine, in words, as reported next to every figure."""
    return f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


def run_bench(plan: BenchPlan, out: Path | None = None, echo: Callable[[str], None] = print) -> dict[str, Any]:
    """Run the planned sections, echoing each table as it is ready; returns (and saves to `out`) the figures."""
    from bench import embedding, latency, memory, rebuild, report, scale
    from index import SentenceTransformerEncoder

    results: dict[str, Any] = {"machine": machine(), "plan": {k: str(v) for k, v in asdict(plan).items()}}
    echo(f"# creatormatch bench\n\nmachine: {results['machine']} (shared with other work: absolute times drift; "
         "compare ratios within one run)\n")
    started = time.perf_counter()
    if "latency" in plan.sections:
        # the serving set-up: the default backend on one thread per brief
        encoder = SentenceTransformerEncoder(backend=plan.query_backend, threads=1)
        results["encoder"] = encoder.identity
        echo(f"engine encoder: {encoder.identity}, 1 thread; {plan.queries} briefs per measurement\n")
        in_memory = tuple(size for size in plan.sizes if size <= IN_MEMORY_LIMIT)
        rows, filtered = latency.run_latency(encoder, in_memory, plan.index_types, plan.queries)
        results["latency"] = [asdict(r) for r in rows]
        results["filtered"] = [asdict(r) for r in filtered]
        echo(report.latency_table(rows) + "\n")
        echo(report.filtered_table(filtered) + "\n")
        if out is not None:
            report.latency_plot(rows, out / "latency.png")
    if "scale" in plan.sections:
        echo(f"retrieval at scale ({plan.scale_index_type}): vectors generated in chunks to disk, built, loaded "
             "in a child process\n")
        scale_rows = scale.run_scale(plan.sizes, plan.scale_index_type, plan.queries, echo=echo)
        results["scale"] = [asdict(r) for r in scale_rows]
        echo(report.scale_table(scale_rows) + "\n")
    if "embedding" in plan.sections:
        texts, source = embedding.caption_texts(plan.caption_count)
        variants = plan.variants or embedding.DEFAULT_VARIANTS
        embed_rows = embedding.run_embedding(texts, variants)
        results["embedding"] = {"source": source, "rows": [asdict(r) for r in embed_rows]}
        echo(report.embedding_table(embed_rows, source) + "\n")
        brief_rows = embedding.run_brief_latency(latency.example_briefs(plan.queries))
        results["brief_embedding"] = [asdict(r) for r in brief_rows]
        echo(report.brief_table(brief_rows) + "\n")
    if "memory" in plan.sections:
        memory_row = memory.run_memory(plan.memory_creators)
        results["memory"] = [asdict(memory_row)]
        echo(report.memory_table([memory_row]) + "\n")
    if "rebuild" in plan.sections:
        workdir = Path(tempfile.mkdtemp(prefix="bench-rebuild-"))
        try:
            if plan.rebuild_catalog is not None:
                creators, posts = plan.rebuild_catalog
                name = creators.parent.name
            else:
                from matcher.demo import generate_demo_catalog

                creators, posts = generate_demo_catalog(plan.rebuild_creators, seed=5).write(workdir / "catalog")
                name = f"demo ({plan.rebuild_creators:,} creators)"
            rebuild_row = rebuild.run_rebuild(creators, posts, workdir, catalog=name)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        results["rebuild"] = [asdict(rebuild_row)]
        echo(report.rebuild_table([rebuild_row]) + "\n")
    results["seconds"] = round(time.perf_counter() - started, 1)
    echo(f"bench took {results['seconds']} s")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return results
