"""Embeddings, FAISS search, the versioned index store and the build pipeline."""

from index.build import BuildReport, build_store, index_catalog
from index.cache import EmbeddingCache
from index.embedding import DEFAULT_MODEL, ModelError, SentenceTransformerEncoder, default_model_path
from index.search import FaissSearch
from index.service import matcher_for, open_matcher
from index.store import IndexStore, LoadedVersion, StoreError

__all__ = [
    "DEFAULT_MODEL",
    "BuildReport",
    "EmbeddingCache",
    "FaissSearch",
    "IndexStore",
    "LoadedVersion",
    "ModelError",
    "SentenceTransformerEncoder",
    "StoreError",
    "build_store",
    "default_model_path",
    "index_catalog",
    "matcher_for",
    "open_matcher",
]
