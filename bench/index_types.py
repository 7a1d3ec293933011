"""Memory, build time, latency and recall@10 of FAISS index types over a store's real creator vectors.

usage: python bench/index_types.py STORE [--types Flat,HNSW32,IVF256,PQ48 ...] [--queries 500]

Queries are creator vectors drawn at random (seed 0), a stand-in for briefs that sit inside niches.
Recall is against the exact (Flat) top 10 over all creators, for the raw FAISS answer and for
`FaissSearch`, which re-scores 4k candidates with the exact vectors.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import numpy as np

from index import FaissSearch, IndexStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--types", default="Flat;HNSW32;IVF256,Flat;IVF256,PQ48;IVF256,PQ16")
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    vectors = IndexStore(args.store).load(verify=False).index.creator_vectors
    rng = np.random.default_rng(0)
    queries = vectors[rng.choice(len(vectors), size=args.queries, replace=False)]
    exact = FaissSearch.from_vectors(vectors)
    truth = [set(exact.search(q, 10)[1]) for q in queries]
    print(f"{len(vectors):,} vectors of {vectors.shape[1]} dimensions; {platform.machine()}, {os.cpu_count()} CPUs")
    print("| index type | build s | index bytes/vector | raw recall@10 | re-scored recall@10 | ms/query |")
    print("|---|---|---|---|---|---|")
    for index_type in args.types.split(";"):
        start = time.perf_counter()
        search = FaissSearch.from_vectors(vectors, index_type)
        build_seconds = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as folder:
            search.save(Path(folder) / "index.faiss")
            size = (Path(folder) / "index.faiss").stat().st_size
        raw = []
        rescored = []
        start = time.perf_counter()
        for query, expected in zip(queries, truth, strict=True):
            rows = search.search(query, 10)[1]
            rescored.append(len(expected & set(rows)) / 10)
        per_query = (time.perf_counter() - start) / len(queries) * 1000
        _, raw_rows = search._index.search(np.ascontiguousarray(queries), 10)
        raw = [len(expected & set(r)) / 10 for expected, r in zip(truth, raw_rows, strict=True)]
        print(f"| {index_type} | {build_seconds:.2f} | {size / len(vectors):.0f} | {np.mean(raw):.3f} | "
              f"{np.mean(rescored):.3f} | {per_query:.2f} |")


if __name__ == "__main__":
    main()
