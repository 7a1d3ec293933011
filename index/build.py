"""The build pipeline: catalog -> signals -> texts -> embeddings -> FAISS -> verified, published version."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from index.cache import EmbeddingCache
from index.drift import drift_report
from index.embedding import encoder_identity
from index.search import FaissSearch
from index.store import IndexStore, StoreError, load_version_dir, sha256_of
from matcher import Catalog, CreatorIndex, Encoder, MatchSettings, compute_signals, load_catalog
from matcher.documents import creator_units
from matcher.signals import recent_posts

DEFAULT_KEEP_VERSIONS = 5


@dataclass
class BuildReport:
    """What a build did: the version, counts, rejects and the seconds each stage took."""

    version: str
    store: str
    creators: int
    posts: int
    texts: int
    embedded: int
    reused: int
    rejected_rows: int
    rejects_file: str | None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    removed_versions: list[str] = field(default_factory=list)
    drift: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form of the report."""
        return dict(self.__dict__)


@contextmanager
def _stage(times: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    times[name] = round(time.perf_counter() - start, 3)


def pool_creator_vectors(unit_vectors: NDArray[np.float32], unit_rows: NDArray[np.int64],
                         n_creators: int) -> NDArray[np.float32]:
    """Each creator's vector: the normalized mean of its text vectors (zero for a creator with none)."""
    sums = np.zeros((n_creators, unit_vectors.shape[1]), dtype=np.float64)
    np.add.at(sums, unit_rows, unit_vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.where(norms > 0, sums / np.maximum(norms, 1e-12), 0.0).astype(np.float32)


def index_catalog(catalog: Catalog, encoder: Encoder, settings: MatchSettings, version: str,
                  cache: EmbeddingCache | None = None, show_progress: bool = False,
                  times: dict[str, float] | None = None) -> tuple[CreatorIndex, FaissSearch, dict[str, int]]:
    """Signals, texts, embeddings and the FAISS index of a validated catalog (nothing written)."""
    times = {} if times is None else times
    with _stage(times, "signals"):
        signals = compute_signals(catalog, settings)
    with _stage(times, "texts"):
        recent = recent_posts(catalog.posts, settings.recent_posts)
        units = creator_units(signals.creators, recent)
    with _stage(times, "embed"):
        texts = units["text"].tolist()
        if cache is not None:
            unit_vectors, stats = cache.embed(texts, encoder.encode, show_progress=show_progress)
            counts = {"embedded": stats.embedded, "reused": stats.reused}
        else:
            unit_vectors = encoder.encode(texts, show_progress=show_progress)
            counts = {"embedded": len(texts), "reused": 0}
    with _stage(times, "index"):
        creator_vectors = pool_creator_vectors(unit_vectors, units["creator_row"].to_numpy(dtype=np.int64),
                                               len(signals.creators))
        search = FaissSearch.from_vectors(creator_vectors)
    index = CreatorIndex(version=version, creators=signals.creators, creator_vectors=creator_vectors,
                         units=units.drop(columns=["text"]), unit_vectors=unit_vectors,
                         brand_events=signals.brand_events)
    return index, search, counts


def build_store(creators: str | Path, posts: str | Path | None, store_dir: str | Path, encoder: Encoder,
                settings: MatchSettings | None = None, *, keep_versions: int = DEFAULT_KEEP_VERSIONS,
                use_cache: bool = True, show_progress: bool = False) -> BuildReport:
    """Build a new version from catalog files and publish it; the serving version survives any failure.

    The new version is written in a hidden staging folder, read back and verified, and only then
    renamed into place and made current.
    """
    settings = settings or MatchSettings()
    store = IndexStore(store_dir)
    with store.build_lock():
        return _build_locked(creators, posts, store, encoder, settings, keep_versions, use_cache, show_progress)


def _build_locked(creators: str | Path, posts: str | Path | None, store: IndexStore, encoder: Encoder,
                  settings: MatchSettings, keep_versions: int, use_cache: bool, show_progress: bool) -> BuildReport:
    times: dict[str, float] = {}
    with _stage(times, "load"):
        catalog = load_catalog(creators, posts)
    version = store.new_version_name()
    with _stage(times, "model"):
        dimension = encoder.dimension
    with _stage(times, "cache_load"):
        cache = EmbeddingCache(store.cache_dir, encoder_identity(encoder), dimension) if use_cache else None
    index, search, counts = index_catalog(catalog, encoder, settings, version, cache, show_progress, times)
    staging = store.staging_dir(version)
    try:
        with _stage(times, "drift"):
            drift = drift_report(_serving(store), index, catalog.rejected_rows)
            (staging / "drift.json").write_text(json.dumps(drift, indent=2, default=str), encoding="utf-8")
        with _stage(times, "write"):
            sources = {"creators": {"path": str(creators), "sha256": sha256_of(Path(creators))}}
            if posts is not None:
                sources["posts"] = {"path": str(posts), "sha256": sha256_of(Path(posts))}
            manifest = {
                "created_at": pd.Timestamp.now(tz="UTC").isoformat(),
                "model": encoder.model_name,
                "encoder": encoder_identity(encoder),
                "dimension": encoder.dimension,
                "index_type": "IndexFlatIP",
                "counts": {"creators": len(index.creators), "posts": len(catalog.posts),
                           "texts": len(index.units), "rejected_rows": catalog.rejected_rows, **counts},
                "sources": sources,
                "settings": settings.model_dump(mode="json"),
            }
            store.write_version(staging, version, index, search, manifest)
        with _stage(times, "verify"):
            verify_version(staging, encoder)
        rejects_file = None
        if not catalog.rejects.empty:
            store.rejects_dir.mkdir(parents=True, exist_ok=True)
            rejects_path = store.rejects_dir / f"{version}.csv"
            catalog.rejects.to_csv(rejects_path, index=False)
            rejects_file = str(rejects_path)
        with _stage(times, "publish"):
            store.publish(staging, version)
            removed = store.prune(keep_versions)
        if cache is not None:
            with _stage(times, "cache_save"):
                cache.save()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildReport(version=version, store=str(store.root), creators=len(index.creators),
                       posts=len(catalog.posts), texts=len(index.units), embedded=counts["embedded"],
                       reused=counts["reused"], rejected_rows=catalog.rejected_rows, rejects_file=rejects_file,
                       stage_seconds=times, removed_versions=removed, drift=drift)


def _serving(store: IndexStore) -> CreatorIndex | None:
    """The serving version's index, or None (first build, or a serving version that cannot be read)."""
    try:
        return store.load(verify=False).index if store.current_version() else None
    except StoreError:
        return None


def verify_version(folder: Path, encoder: Encoder) -> None:
    """Read a written version back and answer a probe query; raise StoreError if anything is off."""
    loaded = load_version_dir(folder, verify=True)
    if loaded.search.dimension != encoder.dimension:
        raise StoreError(f"{folder}: index dimension {loaded.search.dimension} != encoder {encoder.dimension}")
    if loaded.search.size:
        probe = loaded.index.creator_vectors[0]
        _, rows = loaded.search.search(probe, 1)
        if len(rows) != 1:
            raise StoreError(f"{folder}: probe query returned nothing")
