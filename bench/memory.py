"""Resident memory of a loaded index version, measured in a fresh child process stage by stage.

The parent writes a synthetic Flat version into a throwaway store; the child (`python -m bench.memory
FOLDER`) reports its RSS after imports, after loading the model, after loading the index with its
exact vectors (`index.store.load_search`, as serving does), and after the rest of the version.

`python -m bench.memory --store STORE` measures a real store's serving version instead: in this process,
with the model loaded and the brief reader warmed first, the private memory (RssAnon) and mapped-file
pages (RssFile) that loading the version, making its matcher and answering two briefs add (Linux).

`python -m bench.memory --engine N [WORKDIR]` writes a synthetic version of N creators with the index a build
picks at that size (`auto`: compressed with float16 re-scoring from 100k up) and measures it as `--store`
does, in a child process: the whole engine's tables beside the retrieval stage.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from bench.synthetic import synthetic_index
from index import FaissSearch, IndexStore
from matcher import SCHEMA_VERSION
from matcher.taxonomy import NICHES


@dataclass(frozen=True)
class MemoryRow:
    """RSS figures of one loaded version (MiB) and the index's RSS over its raw vector bytes."""

    creators: int
    raw_vectors_mib: float
    model_mib: float
    index_mib: float
    version_mib: float
    index_ratio: float


def rss_mib() -> float:
    """Resident set size of this process in MiB (Linux /proc; ru_maxrss elsewhere, which is a peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_synthetic_version(root: Path, creators: int, anchors: np.ndarray, index_type: str = "Flat", *,
                            servable: bool = False) -> Path:
    """A synthetic version written by the real store code; returns its folder.

    `index_type` "auto" picks the index `build` would for the size; `servable` puts the default encoder's
    identity in the manifest, so a matcher can embed briefs for it (else the model is named "synthetic").
    """
    from index import resolved_index_type

    store = IndexStore(root)
    version = store.new_version_name()
    index = synthetic_index(creators, anchors, version=version)
    chosen = resolved_index_type(index_type, creators)
    search = FaissSearch.from_vectors(index.creator_vectors, chosen)
    staging = store.staging_dir(version)
    manifest: dict[str, object] = {"model": "synthetic", "created_at": datetime.now(timezone.utc).isoformat(),
                                   "dimension": search.dimension, "index_type": chosen,
                                   "counts": {"creators": creators, "texts": len(index.units)},
                                   "schema_version": SCHEMA_VERSION}
    if servable:
        from index import SentenceTransformerEncoder
        from index.manifest import EncoderIdentity

        encoder = SentenceTransformerEncoder()
        manifest.update(model=encoder.model_name, encoder=EncoderIdentity.of(encoder).model_dump(),
                        faiss_class=search.index_type)
    store.write_version(staging, version, index, search, manifest)
    return store.publish(staging, version)


def engine_memory(creators: int, workdir: Path | None = None) -> dict[str, float]:
    """`store_memory` of a synthetic engine version of `creators` creators, measured in a child process, with the
    raw float32 vector bytes and the seconds the version took to write."""
    from index import SentenceTransformerEncoder

    anchors = SentenceTransformerEncoder().encode([description for _, description in NICHES])
    root = Path(tempfile.mkdtemp(prefix="bench-engine-", dir=workdir))
    try:
        started = time.perf_counter()
        write_synthetic_version(root, creators, anchors, "auto", servable=True)
        written = time.perf_counter() - started
        done = subprocess.run([sys.executable, "-m", "bench.memory", "--store", str(root)], capture_output=True,
                              text=True, check=True,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
        measured = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    raw = creators * anchors.shape[1] * 4 / 2**20
    loaded = measured["private_mib"] + measured["mapped_mib"]
    return {**measured, "raw_vectors_mib": round(raw, 1), "loaded_over_raw": round(loaded / raw, 3),
            "write_seconds": round(written, 1)}


def run_memory(creators: int, workdir: Path | None = None) -> MemoryRow:
    """Write a synthetic version of `creators` creators and measure its load in a child process."""
    from index import SentenceTransformerEncoder

    anchors = SentenceTransformerEncoder().encode([description for _, description in NICHES])
    root = Path(tempfile.mkdtemp(prefix="bench-memory-", dir=workdir))
    try:
        folder = write_synthetic_version(root, creators, anchors)
        done = subprocess.run([sys.executable, "-m", "bench.memory", str(folder)], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
        stages = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    raw = creators * anchors.shape[1] * 4 / 2**20
    index_mib = stages["index"] - stages["model"]
    return MemoryRow(creators, raw, stages["model"] - stages["imports"], index_mib, stages["version"] - stages["model"],
                     index_mib / raw)


def _child(folder: Path) -> None:
    """Print the RSS after each loading stage as one JSON line."""
    from index import SentenceTransformerEncoder
    from index.store import load_search, load_version_dir

    stages = {"imports": rss_mib()}
    SentenceTransformerEncoder().encode(["warm up"])
    stages["model"] = rss_mib()
    search = load_search(folder)
    search.search(search.vectors()[0], 10)
    stages["index"] = rss_mib()
    del search
    version = load_version_dir(folder, verify=False)
    stages["version"] = rss_mib()
    del version
    print(json.dumps(stages))


def store_memory(store: Path) -> dict[str, float]:
    """MiB of private memory and of mapped-file pages added by serving `store`'s current version here."""
    import gc

    from bench.scale import memory_mib
    from index import encoder_from_identity, matcher_for
    from index.manifest import read_manifest
    from matcher import MatchSettings, warm_brief_reader

    opened = IndexStore(store)
    version = opened.current_version()
    if version is None:
        raise SystemExit(f"{store}: no serving version")
    encoder = encoder_from_identity(read_manifest(opened.manifest(version), version).encoder.key)
    encoder.encode(["warm up the session"])
    warm_brief_reader()
    gc.collect()
    before = memory_mib()
    loaded = opened.load(verify=True)
    matcher = matcher_for(loaded, encoder, MatchSettings())
    for brief in ("fitness creators who post home workouts", "vegan food bloggers in Berlin"):
        matcher.match(brief, k=10)
    gc.collect()
    after = memory_mib()
    creators = len(loaded.index.creators)
    private = after["RssAnon"] - before["RssAnon"]
    return {"creators": creators, "private_mib": private, "mapped_mib": after["RssFile"] - before["RssFile"],
            "private_kib_per_creator": private * 1024 / creators}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--store"]:
        print(json.dumps({name: round(value, 2) for name, value in store_memory(Path(sys.argv[2])).items()}))
    elif sys.argv[1:2] == ["--engine"]:
        print(json.dumps(engine_memory(int(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)))
    else:
        _child(Path(sys.argv[1]))
