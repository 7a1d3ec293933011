"""Open a store's serving version as a ready `Matcher`."""

from __future__ import annotations

from pathlib import Path

from index.store import IndexStore, LoadedVersion, StoreError
from matcher import Encoder, Matcher, MatchSettings, NicheScorer


def open_matcher(store_dir: str | Path, encoder: Encoder, settings: MatchSettings | None = None,
                 version: str | None = None, niche: NicheScorer | None = None) -> Matcher:
    """A matcher over the serving version (or `version`) of the store at `store_dir`."""
    return matcher_for(IndexStore(store_dir).load(version), encoder, settings, niche)


def matcher_for(loaded: LoadedVersion, encoder: Encoder, settings: MatchSettings | None = None,
                niche: NicheScorer | None = None) -> Matcher:
    """A matcher over an already loaded version; the encoder must match the index's dimension."""
    if loaded.manifest.get("dimension") != encoder.dimension:
        raise StoreError(f"the index was built with {loaded.manifest.get('model')} "
                         f"({loaded.manifest.get('dimension')} dimensions); this encoder is "
                         f"{encoder.model_name} ({encoder.dimension})")
    return Matcher(loaded.index, encoder, loaded.search, settings, niche)
