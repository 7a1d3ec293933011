"""`creatormatch bench --quick` runs every section and prints its tables (how fast is not checked here)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.runner import ivf_pq

ROOT = Path(__file__).resolve().parents[2]


def test_ivf_pq_lists_grow_with_the_catalog() -> None:
    assert ivf_pq(10_000) == "IVF256,PQ48x4fs"
    assert ivf_pq(1_000_000) == "IVF2048,PQ48x4fs"
    assert ivf_pq(100) == "IVF32,PQ48x4fs"


@pytest.mark.model
def test_quick_bench_prints_every_table(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "api.cli", "bench", "--quick", "--out", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    for heading in ("## Query latency", "## Retrieval at scale", "## Filtered search", "## Embedding throughput",
                    "## Memory", "## Rebuild"):
        assert heading in out
    # a latency row per index type and k, each with three timings and a recall
    rows = re.findall(r"^\| 10,000 \| (\S+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", out, re.M)
    assert {(r[0], r[1]) for r in rows} >= {("Flat", "10"), ("Flat", "100"), ("HNSW32", "10")}
    assert all(float(r[5]) <= 1.0 for r in rows)
    results = json.loads((tmp_path / "results.json").read_text())
    flat = [r for r in results["latency"] if r["index_type"] == "Flat"]
    assert all(r["recall_at_10"] == 1.0 for r in flat)  # Flat is its own reference
    assert [r["selectivity"] for r in results["filtered"] if r["index_type"] == "Flat"] == [1.0, 0.1, 0.01, 0.001]
    assert {r["backend"] for r in results["embedding"]["rows"]} >= {"torch", "onnx-int8"}
    assert results["rebuild"][0]["rebuild_embedded"] < results["rebuild"][0]["full_embedded"]
    assert (tmp_path / "latency.png").stat().st_size > 0
    scaled = results["scale"]
    assert [(r["selectivity"], r["k"]) for r in scaled] == [(1.0, 10), (0.1, 10), (0.01, 10), (0.001, 10), (1.0, 1000)]
    assert {r["index_type"] for r in scaled} == {"IVF64,PQ192x4fs"}


def test_bench_sizes_over_a_million_run_the_scale_section_only(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "api.cli", "bench", "--sizes", "2000000", "--sections", "bogus"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "unknown section bogus" in done.stderr
