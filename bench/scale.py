"""Vector search at catalog scale (up to 10M creators): generated in chunks to disk, built, loaded, queried.

For each size the synthetic creator vectors (`bench.synthetic.clustered_chunks`) are written block by
block as float16 into a `.npy` file, the full vectors of a version. While they are written, the exact
top 10 of every query is kept from the float32 vectors before rounding, unfiltered and under three
filters that keep 10%, 1% and 0.1% of the creators (a `bucket` column, uniform in 0..999, that a filter
compares with a bound). The FAISS index is then built from the memory map (`FaissSearch.from_vectors`,
block by block) and saved. A child process loads both as a server does (`FaissSearch.open`: the index
in memory, the full vectors mapped) and runs every query through `FaissSearch.search`, the engine's
`VectorSearch`: latency, recall@10 against the exact answer, and its memory (VmRSS, split into
anonymous memory and mapped file pages) after loading and after the queries.

This measures the retrieval stage alone. The engine's other per-version tables (the creator columns)
are still pandas frames held by each process, and are not part of these figures (docs/benchmarks.md).

usage: python -m bench.scale WORKDIR [--sizes 1000000,10000000] [--index-type auto] [--queries 100]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bench.latency import example_briefs, percentiles
from bench.synthetic import clustered_chunks

SELECTIVITIES = (1.0, 0.1, 0.01, 0.001)
BUCKETS = 1_000
CHUNK = 500_000
K = 10
# the depth the engine's first search asks for (pseudo-relevance feedback re-scores its best 1,000)
ENGINE_DEPTH = 1_000


@dataclass(frozen=True)
class ScaleRow:
    """One index at one size, under one filter: latency, recall@10 against exact search, and memory."""

    creators: int
    index_type: str
    selectivity: float
    k: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    recall_at_10: float
    build_s: float
    raw_vectors_mib: float
    rss_loaded_mib: float
    rss_after_mib: float
    anonymous_after_mib: float
    file_after_mib: float


def bucket_of(rows: NDArray[np.int64], seed: int = 0) -> NDArray[np.uint16]:
    """Each row's filter bucket, uniform in 0..BUCKETS-1 and independent of its vector (a keyed hash of the row)."""
    mixed = (rows.astype(np.uint64) + np.uint64(seed)) * np.uint64(0x9E3779B97F4A7C15)
    mixed ^= mixed >> np.uint64(29)
    mixed *= np.uint64(0xBF58476D1CE4E5B9)
    mixed ^= mixed >> np.uint64(32)
    return (mixed % np.uint64(BUCKETS)).astype(np.uint16)


def allowed_by(buckets: NDArray[np.uint16], selectivity: float) -> NDArray[np.bool_] | None:
    """The rows a filter keeping `selectivity` of the catalog allows (None: no filter)."""
    return None if selectivity >= 1.0 else buckets < round(selectivity * BUCKETS)


class ExactTopK:
    """The exact top k of each query under each filter, merged chunk by chunk (brute force, float32)."""

    def __init__(self, queries: NDArray[np.float32], k: int = K) -> None:
        self.queries = np.ascontiguousarray(queries, dtype=np.float32)
        self.k = k
        count = len(self.queries)
        self.scores = {s: np.full((count, 0), -np.inf, dtype=np.float32) for s in SELECTIVITIES}
        self.rows = {s: np.zeros((count, 0), dtype=np.int64) for s in SELECTIVITIES}

    def add(self, block: NDArray[np.float32], start: int, buckets: NDArray[np.uint16]) -> None:
        """Merge one block of vectors (rows start..start+len) into every query's running top k."""
        similarity = self.queries @ block.T  # queries x block
        for selectivity in SELECTIVITIES:
            allowed = allowed_by(buckets, selectivity)
            scores = similarity if allowed is None else np.where(allowed[None, :], similarity, -np.inf)
            take = min(self.k, scores.shape[1])
            best = np.argpartition(-scores, take - 1, axis=1)[:, :take]
            merged_scores = np.concatenate([self.scores[selectivity], np.take_along_axis(scores, best, 1)], axis=1)
            merged_rows = np.concatenate([self.rows[selectivity], best + start], axis=1)
            order = np.argsort(-merged_scores, axis=1, kind="stable")[:, :self.k]
            self.scores[selectivity] = np.take_along_axis(merged_scores, order, 1)
            self.rows[selectivity] = np.take_along_axis(merged_rows, order, 1)

    def truth(self, selectivity: float) -> list[set[int]]:
        """Each query's exact top-k rows under the filter (rows with a score, i.e. allowed ones)."""
        return [{int(r) for r, s in zip(rows, scores, strict=True) if np.isfinite(s)}
                for rows, scores in zip(self.rows[selectivity], self.scores[selectivity], strict=True)]


def write_catalog(folder: Path, creators: int, anchors: NDArray[np.float32], queries: NDArray[np.float32],
                  chunk: int = CHUNK) -> ExactTopK:
    """Write `creators` float16 unit vectors and their filter buckets to `folder`, returning the exact answers."""
    folder.mkdir(parents=True, exist_ok=True)
    dimension = anchors.shape[1]
    vectors = np.lib.format.open_memmap(folder / "vectors.npy", mode="w+", dtype=np.float16,
                                        shape=(creators, dimension))
    buckets = bucket_of(np.arange(creators, dtype=np.int64))
    exact = ExactTopK(queries)
    start = 0
    for block in clustered_chunks(creators, anchors, chunk=chunk):
        vectors[start:start + len(block)] = block
        exact.add(block, start, buckets[start:start + len(block)])
        start += len(block)
    vectors.flush()
    del vectors
    np.save(folder / "buckets.npy", buckets)
    return exact


def build(folder: Path, index_type: str) -> tuple[str, float]:
    """Build and save the index over the written vectors; returns the index type built and the seconds taken."""
    from index import FaissSearch, resolved_index_type

    vectors = np.load(folder / "vectors.npy", mmap_mode="r")
    chosen = resolved_index_type(index_type, len(vectors))
    started = time.perf_counter()
    search = FaissSearch.from_vectors(vectors, chosen)
    search.save(folder / "index.faiss")
    return chosen, time.perf_counter() - started


def memory_mib(pid: int | str = "self") -> dict[str, float]:
    """VmRSS, RssAnon (private) and RssFile (mapped files, shared through the page cache) of a process, this
    one by default, in MiB (Linux)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


def _child(folder: Path) -> None:
    """Load the index as a server does, run the queries, print latencies, rows found and memory as JSON."""
    from index import FaissSearch

    queries = np.load(folder / "queries.npy")
    buckets = np.load(folder / "buckets.npy")
    before = memory_mib()
    search = FaissSearch.open(folder / "index.faiss", folder / "vectors.npy")
    loaded = memory_mib()
    out: dict[str, object] = {"before": before, "loaded": loaded, "runs": {}}
    runs: dict[str, object] = {}
    for selectivity in SELECTIVITIES:
        allowed = allowed_by(buckets, selectivity)
        search.search(queries[0], K, allowed)  # warm-up
        times, found = [], []
        for query in queries:
            started = time.perf_counter()
            _, rows = search.search(query, K, allowed)
            times.append((time.perf_counter() - started) * 1000)
            found.append([int(r) for r in rows])
        runs[str(selectivity)] = {"ms": times, "rows": found}
    depth_times = []
    for query in queries:
        started = time.perf_counter()
        search.search(query, ENGINE_DEPTH)
        depth_times.append((time.perf_counter() - started) * 1000)
    runs["depth"] = {"ms": depth_times}
    out["runs"] = runs
    out["after"] = memory_mib()
    print(json.dumps(out))


def run_size(workdir: Path, creators: int, anchors: NDArray[np.float32], queries: NDArray[np.float32],
             index_type: str, echo: Callable[[str], None] = print) -> list[ScaleRow]:
    """Generate, build, load and query one catalog size; the folder is removed afterwards."""
    folder = workdir / f"scale-{creators}"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        started = time.perf_counter()
        exact = write_catalog(folder, creators, anchors, queries)
        np.save(folder / "queries.npy", queries)
        echo(f"  {creators:,} creators written in {time.perf_counter() - started:.0f} s")
        chosen, build_seconds = build(folder, index_type)
        echo(f"  {chosen} built in {build_seconds:.0f} s")
        done = subprocess.run([sys.executable, "-m", "bench.scale", "--child", str(folder)], capture_output=True,
                              text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
        measured = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    raw = creators * anchors.shape[1] * 4 / 2**20
    base = measured["before"]["VmRSS"]
    rows = []
    for selectivity in SELECTIVITIES:
        run = measured["runs"][str(selectivity)]
        truth = exact.truth(selectivity)
        recall = float(np.mean([len(set(found) & want) / max(1, len(want))
                                for found, want in zip(run["rows"], truth, strict=True)]))
        rows.append(_row(creators, chosen, selectivity, K, run["ms"], recall, build_seconds, raw, measured, base))
    rows.append(_row(creators, chosen, 1.0, ENGINE_DEPTH, measured["runs"]["depth"]["ms"], float("nan"),
                     build_seconds, raw, measured, base))
    return rows


def _row(creators: int, index_type: str, selectivity: float, k: int, milliseconds: Sequence[float], recall: float,
         build_seconds: float, raw: float, measured: dict[str, Any], base: float) -> ScaleRow:
    p50, p95, p99 = percentiles(milliseconds)
    return ScaleRow(creators, index_type, selectivity, k, round(p50, 2), round(p95, 2), round(p99, 2),
                    round(recall, 4), round(build_seconds, 1), round(raw, 1),
                    round(measured["loaded"]["VmRSS"] - base, 1), round(measured["after"]["VmRSS"] - base, 1),
                    round(measured["after"]["RssAnon"] - measured["before"]["RssAnon"], 1),
                    round(measured["after"]["RssFile"] - measured["before"]["RssFile"], 1))


def run_scale(sizes: Sequence[int], index_type: str = "auto", queries: int = 100, workdir: Path | None = None,
              echo: Callable[[str], None] = print) -> list[ScaleRow]:
    """Every size in turn (see the module docstring); the query vectors are real briefs embedded by the model."""
    import tempfile

    from index import SentenceTransformerEncoder
    from matcher.taxonomy import NICHES

    encoder = SentenceTransformerEncoder()
    anchors = encoder.encode([description for _, description in NICHES])
    query_vectors = encoder.encode(example_briefs(queries))
    root = Path(tempfile.mkdtemp(prefix="bench-scale-", dir=workdir))
    rows: list[ScaleRow] = []
    try:
        for size in sizes:
            rows.extend(run_size(root, size, anchors, query_vectors, index_type, echo))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


def main() -> None:
    """Command line: see the module docstring."""
    from bench import report

    if sys.argv[1:2] == ["--child"]:
        _child(Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--sizes", default="1000000")
    parser.add_argument("--index-type", default="auto")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = run_scale(sizes, args.index_type, args.queries, args.workdir)
    print(report.scale_table(rows))
    if args.out is not None:
        args.out.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
