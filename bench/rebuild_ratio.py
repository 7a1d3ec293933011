"""Full build vs rebuild after changing a fraction of creators, in one run: seconds, counts and their ratio.

usage: python bench/rebuild_ratio.py CREATORS.csv POSTS.csv WORKDIR [--fraction 0.01] [--engine local|ray]

The full build starts from an empty store (nothing cached). Then `fraction` of the creators, drawn at
random (seed 0), get a changed bio and changed captions on every post, and the same store is rebuilt:
only their texts should be embedded. Both timings are wall clock around `build_store`, model load included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import time
from pathlib import Path

from bench.rebuild import changed_copy
from index import SentenceTransformerEncoder, build_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("creators", type=Path)
    parser.add_argument("posts", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--fraction", type=float, default=0.01)
    parser.add_argument("--engine", choices=["local", "ray"], default="local")
    args = parser.parse_args()
    store = args.workdir / "store"
    shutil.rmtree(store, ignore_errors=True)

    def encoder():  # a fresh encoder per build, so each build pays its own model load
        if args.engine == "ray":
            from index.ray_engine import RayEncoder

            return RayEncoder()
        return SentenceTransformerEncoder()

    start = time.perf_counter()
    full = build_store(args.creators, args.posts, store, encoder())
    full_seconds = time.perf_counter() - start
    creators, posts, changed = changed_copy(args.creators, args.posts, args.fraction, args.workdir / "changed")
    start = time.perf_counter()
    rebuild = build_store(creators, posts, store, encoder())
    rebuild_seconds = time.perf_counter() - start
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs", "engine": args.engine,
        "creators": full.creators, "changed_creators": changed,
        "full": {"seconds": round(full_seconds, 1), "embedded": full.embedded, "reused": full.reused,
                 "stages": full.stage_seconds},
        "rebuild": {"seconds": round(rebuild_seconds, 1), "embedded": rebuild.embedded, "reused": rebuild.reused,
                    "stages": rebuild.stage_seconds},
        "ratio": round(full_seconds / rebuild_seconds, 1),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
