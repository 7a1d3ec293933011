"""An index version made ready for queries: its data, and every table a query reads, built once at load.

`prepare_index` does all the per-version work (coding the filter columns, the brand tables, the
taxonomy vectors, the price estimates) eagerly, so the first request pays nothing extra and a version
that cannot be prepared is refused at load, not in a request.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brand_fit import CreatorBrands
from matcher.brand_graph import BrandGraph, brand_niches, build_brand_graph
from matcher.columns import RowReader
from matcher.cost import PriceEstimate, estimate_prices
from matcher.filtering import FilterColumns
from matcher.inferred import INFERRED_FIELDS
from matcher.loyalty import BrandEvents
from matcher.niche import NicheScorer
from matcher.protocols import Encoder
from matcher.settings import MatchSettings
from matcher.taxonomy import Taxonomy, creator_niches, iab_content_taxonomy, taxonomy


@dataclass(frozen=True)
class CreatorIndex:
    """Everything a served index version holds: creators with signals, vectors, texts, brand events.

    `units` has one row per embedded text (creator_row, source, post_id, shown) aligned with
    `unit_vectors`, sorted by creator_row; `creator_vectors` has one row per creator.
    `description_vectors` are the niche taxonomies' descriptions embedded with the build's model, keyed by
    text, so a server does not embed them again at start (empty for a version written before they were kept).
    """

    version: str
    creators: pd.DataFrame
    creator_vectors: NDArray[np.float32]
    units: pd.DataFrame
    unit_vectors: NDArray[np.float32]
    brand_events: pd.DataFrame
    brand_graph: BrandGraph | None = None
    description_vectors: Mapping[str, NDArray[np.float32]] = field(default_factory=dict)

    def unit_ranges(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Start and end row in `units` of each creator's texts: two views of one array of bounds, as the units are
        sorted by creator, so a creator's texts end where the next one's start (8 bytes a creator, not 16)."""
        rows = self.units["creator_row"].to_numpy(dtype=np.int64)
        bounds = np.searchsorted(rows, np.arange(len(self.creators) + 1), side="left")
        return bounds[:-1], bounds[1:]


# the creator columns an explanation shows; the language and country it shows (the catalog's, or the
# inferred one: indexes built before inference lack the inferred columns) and the stored enrichments
EXPLAINED = ("creator_id", "handle", "platform", "followers", "tier", "flags", "price_per_post")
OPTIONAL_EXPLAINED = (*(name for field in INFERRED_FIELDS for name in field), "niche_tags", "sensitive_shares",
                      "sensitive_confidence", "sensitive_evidence")
SCORED = ("engagement_rate", "engagement_score", "engagement_confidence", "trust_score", "trust_confidence",
          "loyalty_score", "loyalty_confidence", "cost_per_engagement", "cost_score", "cost_confidence")


@dataclass(frozen=True)
class PreparedIndex:
    """An index version with the tables its queries read, each built once (`prepare_index`)."""

    index: CreatorIndex
    unit_start: NDArray[np.int64]
    unit_end: NDArray[np.int64]
    filter_columns: FilterColumns
    scores: dict[str, NDArray[np.float64]]
    creator_reader: RowReader
    unit_reader: RowReader
    brands: BrandEvents
    brand_graph: BrandGraph
    creator_brands: CreatorBrands
    brand_niches: dict[str, str]
    prices: PriceEstimate
    taxonomy: Taxonomy
    prototypes: NDArray[np.float32]
    gate_prototypes: NDArray[np.float32]


def prepare_index(index: CreatorIndex, encoder: Encoder, settings: MatchSettings, niche: NicheScorer) -> PreparedIndex:
    """Build every table the queries of `index` read (a version written before the brand graph existed
    gets its graph built here, which imports scikit-learn).

    The taxonomies' vectors come from the version's `description_vectors`; texts it lacks are embedded
    with `encoder`.
    """
    creators = index.creators
    unit_start, unit_end = index.unit_ranges()
    graph = index.brand_graph if index.brand_graph is not None else build_brand_graph(index.brand_events)
    steering = taxonomy(niche.taxonomy)
    vectors = embedded_descriptions(steering.descriptions, index.description_vectors, encoder)
    reference = iab_content_taxonomy()
    # the steering gate compares the steering list with the IAB Content Taxonomy (only when gated)
    gate = vectors if (reference.name == steering.name or not math.isfinite(niche.steering_margin)) else \
        embedded_descriptions(reference.descriptions, index.description_vectors, encoder)
    present = [name for name in OPTIONAL_EXPLAINED if name in creators.columns]
    return PreparedIndex(
        index=index, unit_start=unit_start, unit_end=unit_end,
        filter_columns=FilterColumns.of(creators, {field: settings.min_confidence(field)
                                                   for field, _, _ in INFERRED_FIELDS}),
        scores={name: creators[name].to_numpy(dtype=float) for name in SCORED},
        creator_reader=RowReader(creators, EXPLAINED + tuple(present)),
        unit_reader=RowReader(index.units, ("source", "post_id", "shown")),
        brands=BrandEvents.of(index.brand_events), brand_graph=graph,
        creator_brands=CreatorBrands.of(index.brand_events, graph),
        brand_niches=brand_niches(index.brand_events, graph, _first_niche_tags(creators)),
        prices=estimate_prices(creators["price_per_post"], creators["followers"], creators["platform"],
                               creators["tier"], creators["engagement_score"]),
        taxonomy=steering, prototypes=vectors, gate_prototypes=gate)


def description_vectors(encoder: Encoder, known: Mapping[str, NDArray[np.float32]] | None = None
                        ) -> dict[str, NDArray[np.float32]]:
    """Every niche taxonomy's descriptions (the creator niches and the IAB Content Taxonomy) embedded, by text.

    A taxonomy whose every text is in `known` is taken from there; the others are embedded with one `encode`
    call per taxonomy, as `prepare_index` makes them: an int8 ONNX encoder's vectors depend a little on what
    is embedded with them (its activations are quantized per batch).
    """
    vectors: dict[str, NDArray[np.float32]] = {}
    for described in (creator_niches(), iab_content_taxonomy()):
        texts = described.descriptions
        vectors.update(zip(texts, embedded_descriptions(texts, known or {}, encoder), strict=True))
    return vectors


def embedded_descriptions(texts: Sequence[str], known: Mapping[str, NDArray[np.float32]],
                          encoder: Encoder) -> NDArray[np.float32]:
    """Vectors of `texts`, one row each: from `known` when it has every one of them, else embedded."""
    if texts and all(text in known for text in texts):
        return np.stack([known[text] for text in texts]).astype(np.float32, copy=False)
    return encoder.encode(list(texts))


def _first_niche_tags(creators: pd.DataFrame) -> dict[str, str]:
    """Each creator's first inferred niche tag (none for an index built before the tags)."""
    if "niche_tags" not in creators.columns:
        return {}
    return {str(cid): str(tags[0]) for cid, tags in zip(creators["creator_id"], creators["niche_tags"], strict=True)
            if isinstance(tags, tuple | list) and len(tags)}
