"""HTTP /match latency (p50, p95, p99) and throughput on loopback over a 100k-creator synthetic catalog.

usage: python bench/api_latency.py WORKDIR [--creators 100000] [--base 1000] [--clients 1,4,8] [--seconds 30]
                                   [--workers 1] [--index-type auto]

Every request's brief is different (`unique_brief`: a niche, an opening, a constraint and a follower bound,
never the same text twice in a run, warm-up included), so nothing a server might keep per brief text helps.

The catalog: a `--base`-creator demo catalog (matcher/demo.py) repeated until `--creators`, each copy
with its own ids, follower counts and engagement, but the same bios and captions. The store is built by
the real build with the real model; the embedding cache then embeds only the base's distinct texts
(100k creators' worth of texts would take hours at ~50 texts/s here). Every request's brief goes
through the real model in the server. The server is `creatormatch serve --workers N` in its own
processes; the clients are threads of this process (httpx, keep-alive), on the same machine. A store
is built once per index type (WORKDIR/store-<type>), later runs reuse it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pandas as pd

from index import IndexStore, SentenceTransformerEncoder, build_store
from matcher.demo import generate_demo_catalog
from matcher.taxonomy import NICHES

_OPENINGS = ("Looking for creators who post about", "Brand campaign for", "We want influencers into",
             "Find accounts about", "Our agency needs creators for", "Shortlist creators covering",
             "Which creators talk about", "Seeking partners who love")
_CONSTRAINTS = ("", " on TikTok", " on Instagram", " in Germany", ", micro creators", ", nano or micro creators",
                " for Gen Z", ", trusted creators only", ", not anyone who works with Red Bull", " on YouTube",
                " in France", ", budget $5,000")
_BOUNDS = 480


def unique_brief(number: int) -> str:
    """Brief number `number` of a run: distinct for every number below 2,073,600 (mixed-radix digits pick
    the follower bound, the constraint, the niche and the opening)."""
    bound, rest = number % _BOUNDS, number // _BOUNDS
    constraint, rest = _CONSTRAINTS[rest % len(_CONSTRAINTS)], rest // len(_CONSTRAINTS)
    niche, rest = NICHES[rest % len(NICHES)], rest // len(NICHES)
    topic = niche[1].split(":", 1)[1].strip().rstrip(".")
    return f"{_OPENINGS[rest % len(_OPENINGS)]} {topic}{constraint}, under {20 + bound}k followers"


def synthetic_catalog(folder: Path, creators: int, base: int) -> tuple[Path, Path]:
    """`creators` creators made of copies of a `base`-creator demo catalog (texts repeat, numbers vary)."""
    if (folder / "creators.csv").exists():
        return folder / "creators.csv", folder / "posts.csv"
    base_creators, base_posts = generate_demo_catalog(base, seed=11, posts_per_creator=(2, 4)).write(folder / "base")
    demo_creators = pd.read_csv(base_creators, dtype=str, keep_default_na=False)
    demo_posts = pd.read_csv(base_posts, dtype=str, keep_default_na=False)
    rng = np.random.default_rng(0)
    creator_parts, post_parts = [], []
    for copy in range(-(-creators // base)):
        part = demo_creators.copy()
        part["creator_id"] = f"s{copy:03d}-" + part["creator_id"]
        part["handle"] = part["handle"] + f"_{copy}"
        part["followers"] = (part["followers"].astype(int) * rng.uniform(0.5, 1.5, len(part))).astype(int)
        creator_parts.append(part)
        posts = demo_posts.copy()
        posts["creator_id"] = f"s{copy:03d}-" + posts["creator_id"]
        for column in ("likes", "comments"):
            posts[column] = (posts[column].astype(int) * rng.uniform(0.5, 1.5, len(posts))).astype(int)
        post_parts.append(posts)
    all_creators = pd.concat(creator_parts, ignore_index=True).iloc[:creators]
    all_posts = pd.concat(post_parts, ignore_index=True)
    all_posts = all_posts[all_posts["creator_id"].isin(set(all_creators["creator_id"]))]
    all_creators.to_csv(folder / "creators.csv", index=False)
    all_posts.to_csv(folder / "posts.csv", index=False)
    return folder / "creators.csv", folder / "posts.csv"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_load(url: str, clients: int, seconds: float, k: int, numbers: Iterator[int]) -> dict[str, float]:
    """`clients` threads posting /match back to back for `seconds`, brief i = `unique_brief(next(numbers))`;
    latency percentiles and requests/s."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(number: int) -> None:
        mine = []
        failed = 0
        with httpx.Client(base_url=url, timeout=60) as http:
            while time.perf_counter() < stop_at:
                brief = unique_brief(next(numbers))  # itertools.count: one number per call, across threads
                started = time.perf_counter()
                response = http.post("/match", json={"brief": brief, "k": k})
                mine.append(time.perf_counter() - started)
                failed += response.status_code != 200
        with lock:
            latencies.extend(mine)
            failures[0] += failed

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ms = np.array(latencies) * 1000
    return {"clients": clients, "requests": len(latencies), "failed": failures[0], "seconds": round(elapsed, 1),
            "rps": round(len(latencies) / elapsed, 1), "p50_ms": round(float(np.percentile(ms, 50)), 1),
            "p95_ms": round(float(np.percentile(ms, 95)), 1), "p99_ms": round(float(np.percentile(ms, 99)), 1),
            "mean_ms": round(float(statistics.fmean(ms)), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--creators", type=int, default=100_000)
    parser.add_argument("--base", type=int, default=1_000)
    parser.add_argument("--clients", default="1,4,8")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--index-type", default="auto", help="auto (the build default) or a FAISS factory string")
    args = parser.parse_args()

    creators, posts = synthetic_catalog(args.workdir / "catalog", args.creators, args.base)
    store = args.workdir / ("store" if args.index_type == "Flat" else f"store-{args.index_type.replace(',', '-')}")
    if IndexStore(store).current_version() is None:
        started = time.perf_counter()
        report = build_store(creators, posts, store, SentenceTransformerEncoder(), index_type=args.index_type)
        print(f"built {report.creators:,} creators, {report.texts:,} texts ({report.embedded:,} distinct embedded) "
              f"in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    manifest = IndexStore(store).manifest(str(IndexStore(store).current_version()))

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).with_name("creatormatch")), "serve", "--store", str(store), "--port", str(port),
               "--workers", str(args.workers)]
    server = subprocess.Popen(command, env={**os.environ, "CREATORMATCH_POLL_SECONDS": "5"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not become ready")
            time.sleep(0.5)
        numbers = itertools.count()  # one sequence for the whole run: no brief is sent twice
        run_load(url, 2, 5, args.k, numbers)  # warm-up: first requests pay for lazy imports and allocations
        rows = [run_load(url, int(c), args.seconds, args.k, numbers) for c in args.clients.split(",")]
    finally:
        server.terminate()
        server.wait(timeout=30)

    result = {"creators": manifest["counts"]["creators"], "texts": manifest["counts"]["texts"],
              "index_type": manifest.get("index_type"), "encoder": manifest.get("encoder"), "workers": args.workers,
              "k": args.k, "machine": f"{platform.machine()}, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}", "rows": rows}
    print(json.dumps(result, indent=2))
    print("\n| clients | requests | failed | requests/s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['clients']} | {row['requests']:,} | {row['failed']} | {row['rps']} | {row['p50_ms']} | "
              f"{row['p95_ms']} | {row['p99_ms']} |")


if __name__ == "__main__":
    main()
