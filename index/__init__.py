"""Embeddings, FAISS search, the versioned index store and the build pipeline.

The public names are loaded on first use (PEP 562), as in `eval`: a server needs the store, the search and the
encoder, not the build pipeline (SciPy's sparse matrices, the catalog readers) nor SQLAlchemy before its first
feedback request, and `creatormatch serve` is measured from launch to ready (docs/benchmarks.md, Start-up). The
imports under TYPE_CHECKING are the same names, for type checkers and readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matcher.lazy import lazy_names

if TYPE_CHECKING:
    from index.build import BuildReport, build_store, index_catalog
    from index.cache import EmbeddingCache, TextCache
    from index.embedding import (
        DEFAULT_MODEL,
        ModelError,
        SentenceTransformerEncoder,
        default_model_path,
        encoder_from_identity,
    )
    from index.feedback import (
        ExportedFeedback,
        FeedbackError,
        FeedbackRecord,
        FeedbackStore,
        brief_id_of,
        check_feedback_target,
        from_spreadsheet_safe,
        spreadsheet_safe,
        store_feedback_url,
    )
    from index.gate import GateDecision, GateRefused, PublishGate
    from index.ray_engine import EngineError, RayEncoder
    from index.search import AUTO, FLAT, FaissSearch, IndexTypeError, auto_index_type, resolved_index_type
    from index.service import matcher_for, open_matcher
    from index.serving import EncoderSource, NotReady, ServingIndex, ServingVersion, SharedEncoders, SwapResult
    from index.sources import CatalogSource, masked_url
    from index.store import IndexStore, LoadedVersion, StoreError

# each public name and the module that defines it
_SOURCES = {
    "BuildReport": "index.build",
    "build_store": "index.build",
    "index_catalog": "index.build",
    "EmbeddingCache": "index.cache",
    "TextCache": "index.cache",
    "DEFAULT_MODEL": "index.embedding",
    "ModelError": "index.embedding",
    "SentenceTransformerEncoder": "index.embedding",
    "default_model_path": "index.embedding",
    "encoder_from_identity": "index.embedding",
    "ExportedFeedback": "index.feedback",
    "FeedbackError": "index.feedback",
    "FeedbackRecord": "index.feedback",
    "FeedbackStore": "index.feedback",
    "brief_id_of": "index.feedback",
    "check_feedback_target": "index.feedback",
    "from_spreadsheet_safe": "index.feedback",
    "spreadsheet_safe": "index.feedback",
    "store_feedback_url": "index.feedback",
    "GateDecision": "index.gate",
    "GateRefused": "index.gate",
    "PublishGate": "index.gate",
    "EngineError": "index.ray_engine",
    "RayEncoder": "index.ray_engine",
    "AUTO": "index.search",
    "FLAT": "index.search",
    "FaissSearch": "index.search",
    "IndexTypeError": "index.search",
    "auto_index_type": "index.search",
    "resolved_index_type": "index.search",
    "matcher_for": "index.service",
    "open_matcher": "index.service",
    "EncoderSource": "index.serving",
    "NotReady": "index.serving",
    "ServingIndex": "index.serving",
    "ServingVersion": "index.serving",
    "SharedEncoders": "index.serving",
    "SwapResult": "index.serving",
    "CatalogSource": "index.sources",
    "masked_url": "index.sources",
    "IndexStore": "index.store",
    "LoadedVersion": "index.store",
    "StoreError": "index.store",
}

__all__ = [
    "AUTO",
    "DEFAULT_MODEL",
    "FLAT",
    "BuildReport",
    "CatalogSource",
    "EmbeddingCache",
    "EncoderSource",
    "EngineError",
    "ExportedFeedback",
    "FaissSearch",
    "FeedbackError",
    "FeedbackRecord",
    "FeedbackStore",
    "GateDecision",
    "GateRefused",
    "IndexStore",
    "IndexTypeError",
    "LoadedVersion",
    "ModelError",
    "NotReady",
    "PublishGate",
    "RayEncoder",
    "SentenceTransformerEncoder",
    "ServingIndex",
    "ServingVersion",
    "SharedEncoders",
    "StoreError",
    "SwapResult",
    "TextCache",
    "auto_index_type",
    "brief_id_of",
    "build_store",
    "check_feedback_target",
    "default_model_path",
    "encoder_from_identity",
    "from_spreadsheet_safe",
    "index_catalog",
    "masked_url",
    "matcher_for",
    "open_matcher",
    "resolved_index_type",
    "spreadsheet_safe",
    "store_feedback_url",
]


__getattr__, __dir__ = lazy_names(__name__, _SOURCES)
