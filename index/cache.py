"""Embedding cache keyed by (encoder identity, hash of the exact text): a rebuild embeds only new text; the same
for the answers of pure text functions (`TextCache`), which a rebuild then computes only for new text."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from index.embedding import text_key


class CacheStats(NamedTuple):
    """How many texts a build embedded and how many it took from the cache."""

    embedded: int
    reused: int


# a save writes only the entries added and dropped since the full file while they stay under this share of it:
# a nightly 1% rebuild then writes about 1 MB instead of rewriting Kim's 61 MB cache (0.5 s of a 12 s rebuild)
DELTA_SHARE = 0.25


class EmbeddingCache:
    """Vectors of texts already embedded by one encoder, stored in a folder as one full .npz file plus, after
    small changes, a delta file of the entries added and dropped since (`DELTA_SHARE`).

    A damaged or mismatched cache is treated as empty (and rewritten by the next `save`), never
    as an error: it only costs time. A damaged or stale delta is ignored: only its entries are embedded again.
    """

    def __init__(self, folder: str | Path, identity: str, dimension: int) -> None:
        digest = hashlib.sha1(identity.encode()).hexdigest()[:16]
        self.folder = Path(folder) / digest
        self.identity = identity
        self.dimension = dimension
        self._keys = np.zeros(0, dtype="S20")
        self._vectors = np.zeros((0, dimension), dtype=np.float32)
        self._base_keys: NDArray[np.bytes_] | None = None  # the full file's keys, None when there is none
        self.status = self._load()

    def _load(self) -> str:
        """'loaded', 'empty' (no cache yet) or 'damaged' (unreadable or inconsistent: treated as empty)."""
        path = self.folder / "cache.npz"
        for leftover in self.folder.glob(".*.tmp.npz") if self.folder.exists() else []:
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
        self._base_keys = keys
        self._apply_delta()
        return "loaded"

    def _apply_delta(self) -> None:
        """Add and drop the entries of the delta file, when it was written against this full file."""
        try:
            with np.load(self.folder / "delta.npz", allow_pickle=False) as stored:
                base, added, vectors, dropped = (stored["base"], stored["added"], stored["vectors"],
                                                 stored["dropped"])
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return  # none, or damaged: its entries are only embedded again
        if str(base) != _digest(self._keys) or added.dtype != np.dtype("S20") or \
                dropped.dtype != np.dtype("S20") or vectors.shape != (len(added), self.dimension) or \
                not np.isfinite(vectors).all():
            return  # written against another full file (a save that stopped between its two renames)
        kept = ~np.isin(self._keys, dropped)
        keys = np.concatenate([self._keys[kept], added])
        order = np.argsort(keys, kind="stable")
        if len(keys) and not np.all(keys[order][1:] > keys[order][:-1]):
            return  # an entry twice: not a delta this class wrote
        self._keys = keys[order]
        self._vectors = np.concatenate([self._vectors[kept], vectors.astype(np.float32, copy=False)])[order]

    def __len__(self) -> int:
        return len(self._keys)

    def lookup(self, keys: NDArray[np.bytes_]) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
        """Which keys are cached, and where (position valid only where found)."""
        return _sorted_lookup(self._keys, keys)

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
        """Write the cache atomically (temporary files, then rename): only what changed since the full file while
        that is small, else the full file again."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._base_keys is not None and len(self._base_keys):
            added = ~np.isin(self._keys, self._base_keys, assume_unique=True)
            dropped = ~np.isin(self._base_keys, self._keys, assume_unique=True)
            if added.sum() + dropped.sum() <= DELTA_SHARE * len(self._base_keys):
                _write_npz(self.folder / "delta.npz", base=np.array(_digest(self._base_keys)),
                           added=self._keys[added], vectors=self._vectors[added],
                           dropped=self._base_keys[dropped])
                return
        _write_npz(self.folder / "cache.npz", keys=self._keys, vectors=self._vectors)
        # the old delta names the old full file: a stop before this line leaves it ignored, not applied
        (self.folder / "delta.npz").unlink(missing_ok=True)
        self._base_keys = self._keys


class TextCache:
    """Answers of one pure text function (`TextMemo`) kept by `text_key`, in one .npz file named after the function.

    `identity` names the function and its code (`module_digest`): a file written under another identity is
    ignored, and a damaged one treated as empty, so a stale or broken cache only costs time. After `answers` the
    cache holds exactly that call's texts, like `EmbeddingCache`.
    """

    def __init__(self, folder: str | Path, name: str, identity: str) -> None:
        self.path = Path(folder) / f"{name}.npz"
        self.identity = identity
        self._keys = np.zeros(0, dtype="S20")
        self._offsets = np.zeros(1, dtype=np.int64)
        self._blob = b""
        self._changed = False
        self.status = self._load()

    def _load(self) -> str:
        """'loaded', 'empty' (none, or of another identity) or 'damaged' (treated as empty)."""
        try:
            with np.load(self.path, allow_pickle=False) as stored:
                identity, keys, offsets, blob = stored["identity"], stored["keys"], stored["offsets"], stored["blob"]
        except FileNotFoundError:
            return "empty"
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return "damaged"
        if str(identity) != self.identity:
            return "empty"
        if keys.dtype != np.dtype("S20") or offsets.shape != (len(keys) + 1,) or offsets[0] != 0 or \
                offsets[-1] != len(blob) or np.any(np.diff(offsets) < 0) or not np.all(keys[1:] > keys[:-1]):
            return "damaged"
        self._keys, self._offsets, self._blob = keys, offsets.astype(np.int64), blob.tobytes()
        return "loaded"

    def __len__(self) -> int:
        return len(self._keys)

    def answers(self, texts: Sequence[str], compute: Callable[[list[int]], list[str]]) -> list[str]:
        """One answer per text: kept ones for texts answered before, `compute`'s (called once) for the others."""
        keys = np.array([text_key(t) for t in texts], dtype="S20")
        unique_keys, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        found, position = _sorted_lookup(self._keys, unique_keys)
        unique_answers = [""] * len(unique_keys)
        if found.any():
            starts, ends, blob = self._offsets[position].tolist(), self._offsets[position + 1].tolist(), self._blob
            unique_answers = [blob[start:end].decode("utf-8", "surrogatepass") if hit else ""
                              for start, end, hit in zip(starts, ends, found.tolist(), strict=True)]
        missing = np.flatnonzero(~found)
        if len(missing):
            computed = compute(first[missing].tolist())
            if len(computed) != len(missing):
                raise ValueError(f"{self.path.name}: {len(computed)} answers for {len(missing)} texts")
            for slot, answer in zip(missing.tolist(), computed, strict=True):
                unique_answers[slot] = answer
        if len(missing) or len(unique_keys) != len(self._keys):
            encoded = [answer.encode("utf-8", "surrogatepass") for answer in unique_answers]
            self._offsets = np.concatenate([[0], np.cumsum([len(e) for e in encoded], dtype=np.int64)])
            self._keys, self._blob, self._changed = unique_keys, b"".join(encoded), True
        return [unique_answers[i] for i in inverse.tolist()]

    def save(self) -> None:
        """Write the cache atomically when `answers` changed it (temporary file, then rename)."""
        if not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _write_npz(self.path, identity=np.array(self.identity), keys=self._keys, offsets=self._offsets,
                   blob=np.frombuffer(self._blob, dtype=np.uint8))
        self._changed = False


def module_digest(*modules: ModuleType) -> str:
    """Names the code of `modules` (SHA-1 of their source files): a cache of their answers is valid only for it."""
    digest = hashlib.sha1()
    for module in modules:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:16]


def _sorted_lookup(stored: NDArray[np.bytes_], keys: NDArray[np.bytes_]) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
    """Which `keys` are in the sorted `stored` keys, and where (the position is valid only where found)."""
    if len(stored) == 0:
        return np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int64)
    position = np.minimum(np.searchsorted(stored, keys), len(stored) - 1)
    return stored[position] == keys, position.astype(np.int64)


def _digest(keys: NDArray[np.bytes_]) -> str:
    """Names a full file's contents by its keys, so that a delta is applied only to the file it was written for."""
    return hashlib.sha1(np.ascontiguousarray(keys).tobytes()).hexdigest()


def _write_npz(path: Path, **arrays: NDArray[Any]) -> None:
    """Write arrays as one .npz file atomically (temporary file, fsync, rename); the old file stays on failure."""
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
    try:
        with temporary.open("wb") as handle:
            np.savez(handle, allow_pickle=False, **arrays)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
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
