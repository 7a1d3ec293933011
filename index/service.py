"""Open a store's serving version as a ready `Matcher`, with the settings its data was built with."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from pathlib import Path

import pyarrow as pa

from index.store import IndexStore, LoadedVersion, StoreError
from matcher import Encoder, Matcher, MatchSettings, NicheScorer

log = logging.getLogger("creatormatch.serving")


def open_matcher(store_dir: str | Path, encoder: Encoder, settings: MatchSettings | None = None,
                 version: str | None = None, niche: NicheScorer | None = None) -> Matcher:
    """A matcher over the serving version (or `version`) of the store at `store_dir`."""
    return matcher_for(IndexStore(store_dir).load(version), encoder, settings, niche)


def version_settings(loaded: LoadedVersion, settings: MatchSettings | None = None) -> MatchSettings:
    """The settings to answer from `loaded` with: `settings` (the server's) with the store's learned presets, and
    with the values that shaped the version's data (tier thresholds, signal parameters) taken from its build, a
    warning logged where the two disagree. A version written before its settings were recorded keeps the
    server's."""
    chosen = with_learned_presets(loaded, settings or MatchSettings())
    built = loaded.info.settings
    if built is None:
        return chosen
    differences = built.differences(chosen)
    if differences:
        log.warning("index version %s was built with other settings than this process has; answering with the "
                    "build's: %s", loaded.info.version, "; ".join(differences))
    return built.serving(chosen)


def with_learned_presets(loaded: LoadedVersion, settings: MatchSettings) -> MatchSettings:
    """`settings` with the presets `creatormatch tune` learned for this store (from the version's manifest), and
    the learned default when one was adopted."""
    info = loaded.info
    if not info.presets:
        return settings
    presets = {**settings.presets, **{name: dict(preset.weights) for name, preset in info.presets.items()}}
    default = info.default_preset if info.default_preset in presets else settings.default_preset
    return settings.model_copy(update={"presets": presets, "default_preset": default})


def matcher_for(loaded: LoadedVersion, encoder: Encoder, settings: MatchSettings | None = None,
                niche: NicheScorer | None = None) -> Matcher:
    """A matcher over an already loaded version (with its build's data-shaping settings); the encoder must
    match the index's dimension."""
    if loaded.info.dimension != encoder.dimension:
        raise StoreError(f"the index was built with {loaded.info.model} ({loaded.info.dimension} dimensions); "
                         f"this encoder is {encoder.model_name} ({encoder.dimension})")
    matcher = Matcher(loaded.index, encoder, loaded.search, version_settings(loaded, settings), niche)
    release_free_heap()
    return matcher


def release_free_heap() -> None:
    """Hand the free pages of the C heap (glibc's `malloc_trim`; elsewhere nothing) and of Arrow's memory pool
    back to the system.

    Loading and preparing a version make temporaries of a few MB each (codes, masks, price estimates, Arrow's
    dictionary encodings and sorts); glibc serves such sizes from its heap once a larger block was freed, and
    it and Arrow's allocator kept about 110 and 30 bytes a creator of them after they were freed (1M creators:
    107 MiB of 322 MiB private, and 28 MiB).
    """
    pa.default_memory_pool().release_unused()
    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
