"""Full build vs rebuild after changing a fraction of creators: seconds, ratio and peak RSS per creator.

The full build starts from an empty store (nothing cached). Then `fraction` of the creators, drawn at
random (seed 0), get a changed bio and changed captions on every post, and the same store is rebuilt:
only their texts should be embedded. Each build runs in its own child process (`python -m
bench.rebuild CREATORS POSTS STORE`), so its wall clock includes the model load and its peak RSS is its own.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class RebuildRow:
    """A full build and a rebuild after `changed` creators changed, side by side."""

    catalog: str
    creators: int
    changed: int
    backend: str
    full_s: float
    rebuild_s: float
    ratio: float
    full_embedded: int
    rebuild_embedded: int
    peak_rss_mib: float
    rss_kib_per_creator: float


def changed_copy(creators: Path, posts: Path, fraction: float, folder: Path) -> tuple[Path, Path, int]:
    """The catalog with `fraction` of creators edited (bio and every caption); returns the files and how many."""
    creator_frame = pd.read_csv(creators, dtype=str, keep_default_na=False)
    post_frame = pd.read_csv(posts, dtype=str, keep_default_na=False)
    rng = np.random.default_rng(0)
    chosen = set(rng.choice(creator_frame["creator_id"].to_numpy(), size=max(1, round(len(creator_frame) * fraction)),
                            replace=False))
    edited = creator_frame["creator_id"].isin(chosen)
    creator_frame.loc[edited, "bio"] = creator_frame.loc[edited, "bio"] + " | new season, new collabs"
    edited_posts = post_frame["creator_id"].isin(chosen)
    post_frame.loc[edited_posts, "caption"] = post_frame.loc[edited_posts, "caption"] + " #update"
    folder.mkdir(parents=True, exist_ok=True)
    creator_frame.to_csv(folder / "creators.csv", index=False)
    post_frame.to_csv(folder / "posts.csv", index=False)
    return folder / "creators.csv", folder / "posts.csv", len(chosen)


def _build_in_child(creators: Path, posts: Path, store: Path, backend: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bench.rebuild", str(creators), str(posts), str(store), backend],
                          capture_output=True, text=True, check=True, env=env)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - start
    return result


def run_rebuild(creators: Path, posts: Path, workdir: Path, *, fraction: float = 0.01, backend: str = "default",
                catalog: str = "") -> RebuildRow:
    """Time a full build into an empty store, then the rebuild of a copy with `fraction` of creators changed."""
    store = workdir / "store"
    full = _build_in_child(creators, posts, store, backend)
    changed_creators, changed_posts, changed = changed_copy(creators, posts, fraction, workdir / "changed")
    rebuild = _build_in_child(changed_creators, changed_posts, store, backend)
    peak = max(full["peak_rss_mib"], rebuild["peak_rss_mib"])
    return RebuildRow(catalog or creators.parent.name, int(full["creators"]), changed, str(full["backend"]),
                      full["seconds"], rebuild["seconds"], full["seconds"] / rebuild["seconds"],
                      int(full["embedded"]), int(rebuild["embedded"]), full["peak_rss_mib"],
                      peak * 1024 / max(1, int(full["creators"])))


def _peak_rss_mib() -> float:
    """This process's peak RSS in MiB: VmHWM on Linux (ru_maxrss survives fork and exec, so it can be the parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _child(creators: str, posts: str, store: str, backend: str) -> None:
    """Build once and print counts, backend and peak RSS as one JSON line."""
    from index import SentenceTransformerEncoder, build_store

    encoder = SentenceTransformerEncoder() if backend == "default" else SentenceTransformerEncoder(backend=backend)
    report = build_store(creators, posts, store, encoder)
    peak = _peak_rss_mib()
    print(json.dumps({"creators": report.creators, "embedded": report.embedded, "reused": report.reused,
                      "backend": encoder.backend, "peak_rss_mib": peak}))


if __name__ == "__main__":
    _child(*sys.argv[1:5])
