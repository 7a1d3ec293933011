"""Embedding cache keyed by (encoder identity, hash of the exact text): a rebuild embeds only new text."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from index.embedding import text_key


class CacheStats(NamedTuple):
    """How many texts a build embedded and how many it took from the cache."""

    embedded: int
    reused: int


class EmbeddingCache:
    """Vectors of texts already embedded by one encoder, stored as one .npz file in a folder.

    A damaged or mismatched cache is treated as empty (and rewritten by the next `save`), never
    as an error: it only costs time.
    """

    def __init__(self, folder: str | Path, identity: str, dimension: int) -> None:
        digest = hashlib.sha1(identity.encode()).hexdigest()[:16]
        self.folder = Path(folder) / digest
        self.identity = identity
        self.dimension = dimension
        self._keys = np.zeros(0, dtype="S20")
        self._vectors = np.zeros((0, dimension), dtype=np.float32)
        self.status = self._load()

    def _load(self) -> str:
        """'loaded', 'empty' (no cache yet) or 'damaged' (unreadable or inconsistent: treated as empty)."""
        path = self.folder / "cache.npz"
        for leftover in self.folder.glob(".cache.*.tmp.npz") if self.folder.exists() else []:
            leftover.unlink(missing_ok=True)  # from a save that was killed; the lock says nobody else writes
        if not path.exists():
            return "empty"
        try:
            with np.load(path, allow_pickle=False) as stored:
                keys, vectors = stored["keys"], stored["vectors"]
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return "damaged"
        if keys.dtype != np.dtype("S20") or vectors.shape != (len(keys), self.dimension) or \
                not np.all(keys[1:] > keys[:-1]) or not np.isfinite(vectors).all():
            return "damaged"
        self._keys, self._vectors = keys, vectors.astype(np.float32, copy=False)
        return "loaded"

    def __len__(self) -> int:
        return len(self._keys)

    def lookup(self, keys: NDArray[np.bytes_]) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
        """Which keys are cached, and where (position valid only where found)."""
        if len(self._keys) == 0:
            return np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int64)
        position = np.searchsorted(self._keys, keys)
        position = np.minimum(position, len(self._keys) - 1)
        return self._keys[position] == keys, position.astype(np.int64)

    def embed(self, texts: Sequence[str], encode: Callable[..., NDArray[np.float32]],
              show_progress: bool = False, keys: NDArray[np.bytes_] | None = None,
              ) -> tuple[NDArray[np.float32], CacheStats]:
        """Vectors of `texts`, embedding only those not cached; the cache then holds exactly these texts.

        `keys` are the texts' `text_key`s when the caller has them already (hashing 60k texts takes ~50 ms).
        """
        keys = np.array([text_key(t) for t in texts], dtype="S20") if keys is None else keys
        unique_keys, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        found, position = self.lookup(unique_keys)
        vectors = np.zeros((len(unique_keys), self.dimension), dtype=np.float32)
        vectors[found] = self._vectors[position[found]]
        missing = np.flatnonzero(~found)
        if len(missing):
            vectors[missing] = encode([texts[i] for i in first[missing]], show_progress=show_progress)
        self._keys, self._vectors = unique_keys, vectors  # entries no longer used are dropped
        return vectors[inverse], CacheStats(embedded=len(missing), reused=int(found.sum()))

    def save(self) -> None:
        """Write the cache atomically (temporary files, then rename)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".cache.{os.getpid()}.tmp.npz"
        try:
            with temporary.open("wb") as handle:
                np.savez(handle, keys=self._keys, vectors=self._vectors)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.folder / "cache.npz")
        except BaseException:
            temporary.unlink(missing_ok=True)  # the previous cache file stays as it was
            raise


def load_json_cache(path: Path, identity: str) -> Any | None:
    """What `save_json_cache` stored under this identity; None when absent, damaged or of another identity."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored.get("data") if isinstance(stored, dict) and stored.get("identity") == identity else None


def save_json_cache(path: Path, identity: str, data: Any) -> None:
    """Write derived data atomically (temporary file, then rename); a failure only costs the next build time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps({"identity": identity, "data": data}), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
