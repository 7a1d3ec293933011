"""Embeddings, FAISS search, the versioned index store and the build pipeline."""

from index.build import BuildReport, build_store, index_catalog
from index.cache import EmbeddingCache
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
