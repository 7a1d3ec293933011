"""The versioned index store of DESIGN.md: versions written whole, verified, then switched atomically.

```
STORE/current                 name of the serving version (replaced by atomic rename)
STORE/versions/<version>/     manifest.json, index.faiss, creator_vectors.npy (approximate index types only),
                              creators.arrow, units.arrow, unit_vectors.npy, brand_events.arrow (Arrow
                              IPC, mapped by every server process; versions of store format 1 hold .parquet),
                              brand_graph.npz (brand names, creator counts, vectors), drift.json,
                              description_vectors.npz (the niche taxonomies' descriptions, embedded)
STORE/cache/                  embeddings keyed by (encoder, text hash): a full file and a delta; each text's
                              inferences, cleaned form and brands (`TextCache`), keyed the same way
STORE/rejects/<version>.csv   rows refused by validation, with reasons
```
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from index.manifest import Manifest, read_manifest
from index.search import FaissSearch
from index.tables import LIST_COLUMNS, creators_for_disk, creators_from_disk, map_table, write_table
from matcher import SCHEMA_VERSION, CreatorIndex, CreatorMatchError
from matcher.brand_graph import BrandGraph

# 2: the creator, text and brand-event tables as Arrow IPC files (1: Parquet, still read)
STORE_FORMAT = 2


class StoreError(CreatorMatchError):
    """The store or one of its versions is missing, incomplete or damaged."""


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_dir(path.parent)


@dataclass(frozen=True)
class LoadedVersion:
    """A version read back from the store: the index data, its search and its manifest (as written, and typed)."""

    index: CreatorIndex
    search: FaissSearch
    manifest: dict[str, Any]
    info: Manifest


class IndexStore:
    """A folder of index versions with one serving version named in `current`."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.versions_dir = self.root / "versions"
        self.cache_dir = self.root / "cache"
        self.rejects_dir = self.root / "rejects"
        self.current_file = self.root / "current"
        self.served_file = self.root / "last_served"

    @contextmanager
    def build_lock(self) -> Iterator[None]:
        """Hold the store's build lock; a lock left by a dead process on this host is cleared.

        Raises StoreError while another live build holds it.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / "build.lock"
        me = {"pid": os.getpid(), "host": socket.gethostname(), "since": pd.Timestamp.now(tz="UTC").isoformat()}
        for _ in range(2):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _read_lock(path)
                if holder is not None and _alive(holder):
                    raise StoreError(f"{self.root}: another build is running (pid {holder.get('pid')} on "
                                     f"{holder.get('host')} since {holder.get('since')})") from None
                path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as handle:
                json.dump(me, handle)
            break
        else:
            raise StoreError(f"{self.root}: could not take the build lock {path}")
        try:
            yield
        finally:
            if _read_lock(path) == me:
                path.unlink(missing_ok=True)

    def previous_version(self, before: str | None = None) -> str | None:
        """The newest version older than `before` (default: the store's serving one): what `rollback` goes back to."""
        current = before if before is not None else self.current_version()
        older = [v for v in self.versions() if current is None or v < current]
        return older[-1] if older else None

    def current_version(self) -> str | None:
        """Name of the serving version, or None when nothing was published yet."""
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def versions(self) -> list[str]:
        """Published versions, oldest first (names sort by creation time)."""
        if not self.versions_dir.exists():
            return []
        return sorted(p.name for p in self.versions_dir.iterdir()
                      if p.is_dir() and not p.name.startswith(".") and (p / "manifest.json").exists())

    def new_version_name(self) -> str:
        """A fresh, sortable version name: UTC time plus a random suffix."""
        stamp = pd.Timestamp.now(tz="UTC").strftime("%Y%m%dT%H%M%S%fZ")
        return f"{stamp}-{uuid.uuid4().hex[:6]}"

    def staging_dir(self, version: str) -> Path:
        """Folder a build writes into before publishing; hidden from `versions()`."""
        path = self.versions_dir / f".staging-{version}"
        path.mkdir(parents=True, exist_ok=False)
        return path

    def write_version(self, staging: Path, version: str, index: CreatorIndex, search: FaissSearch,
                      manifest: dict[str, Any], on_file: Callable[[str], None] | None = None) -> dict[str, Any]:
        """Write every file of a version into `staging` and its manifest with checksums.

        `on_file` is called with each file's name once it is written.
        """
        written = on_file or (lambda _: None)
        search.save(staging / "index.faiss")
        written("index.faiss")
        if not search.exact:
            # full vectors beside an approximate index: it re-scores with them, from float16 (half the pages of a
            # memory map; cosines within 1e-3 of float32's). A flat index holds them itself: nothing to write
            np.save(staging / "creator_vectors.npy", np.asarray(index.creator_vectors, dtype=np.float16),
                    allow_pickle=False)
            written("creator_vectors.npy")
        write_table(creators_for_disk(index.creators), staging / "creators.arrow")
        written("creators.arrow")
        write_table(index.units, staging / "units.arrow")
        written("units.arrow")
        np.save(staging / "unit_vectors.npy", index.unit_vectors, allow_pickle=False)
        written("unit_vectors.npy")
        write_table(index.brand_events, staging / "brand_events.arrow")
        written("brand_events.arrow")
        if index.brand_graph is not None:
            index.brand_graph.save(staging / "brand_graph.npz")
            written("brand_graph.npz")
        if index.description_vectors:
            texts = list(index.description_vectors)
            # the texts as one JSON array of UTF-8 bytes: a fixed-width string array would be 4 bytes a character
            np.savez(staging / "description_vectors.npz",
                     texts=np.frombuffer(json.dumps(texts).encode("utf-8"), dtype=np.uint8),
                     vectors=np.stack([index.description_vectors[t] for t in texts]).astype(np.float32))
            written("description_vectors.npz")
        files = {}
        for path in sorted(staging.iterdir()):
            files[path.name] = {"sha256": sha256_of(path), "bytes": path.stat().st_size}
        try:
            full = read_manifest({**manifest, "store_format": STORE_FORMAT, "schema_version": SCHEMA_VERSION,
                                  "version": version, "files": files}, version).as_json()
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        for path in staging.iterdir():
            _fsync_file(path)
        _write_atomic(staging / "manifest.json", json.dumps(full, indent=2, default=str).encode("utf-8"))
        written("manifest.json")
        return full

    def annotate(self, folder: Path, extra: dict[str, Any]) -> None:
        """Add entries to a written version's manifest (what the gate measured, say)."""
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        _write_atomic(folder / "manifest.json", json.dumps({**manifest, **extra}, indent=2, default=str).encode())

    def publish(self, staging: Path, version: str, before_switch: Callable[[], None] | None = None) -> Path:
        """Move a verified staging folder into place and switch `current` to it atomically.

        A crash between the two steps leaves a complete version that is not serving; the next
        build or `rollback`/`switch` deals with it like any other version.
        """
        final = self.versions_dir / version
        os.replace(staging, final)
        _fsync_dir(self.versions_dir)
        if before_switch is not None:
            before_switch()
        self.switch(version)
        return final

    def clear_staging(self) -> list[str]:
        """Delete staging folders left by builds that died (call only while holding the build lock)."""
        if not self.versions_dir.exists():
            return []
        leftovers = sorted(self.versions_dir.glob(".staging-*"))
        for leftover in leftovers:
            shutil.rmtree(leftover, ignore_errors=True)
        return [p.name for p in leftovers]

    def switch(self, version: str) -> None:
        """Make `version` the serving one (atomic rename of the `current` file)."""
        if version not in self.versions():
            raise StoreError(f"version '{version}' is not in {self.versions_dir}")
        _write_atomic(self.current_file, (version + "\n").encode("utf-8"))

    def mark_served(self, version: str) -> None:
        """Record `version` as the last one a server loaded cleanly: what a server starting while `current`
        is refused serves, as the running ones do."""
        if self.last_served() != version:
            _write_atomic(self.served_file, (version + "\n").encode("utf-8"))

    def last_served(self) -> str | None:
        """The version a server last loaded cleanly, if it is still in the store."""
        try:
            name = self.served_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name and (self.versions_dir / name / "manifest.json").exists() else None

    def fingerprint(self, version: str) -> str:
        """A cheap digest of a version's files as they are on disk (name, size, inode, times), so that a
        repaired or re-published version is told apart from the one that was refused."""
        folder = self.versions_dir / version
        parts = []
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            with contextlib.suppress(FileNotFoundError):
                stat = path.stat()
                parts.append(f"{path.name}:{stat.st_size}:{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_ctime_ns}")
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]

    def prune(self, keep: int) -> list[str]:
        """Delete the oldest versions beyond `keep`, never the serving one nor the last served; returns what
        was removed."""
        current = self.current_version()
        served = self.last_served()
        removable = [v for v in self.versions() if v not in (current, served)]
        excess = max(0, len(self.versions()) - keep)
        removed = removable[:excess]
        for version in removed:
            shutil.rmtree(self.versions_dir / version, ignore_errors=True)
        for leftover in self.versions_dir.glob(".staging-*") if self.versions_dir.exists() else []:
            shutil.rmtree(leftover, ignore_errors=True)
        return removed

    def manifest(self, version: str) -> dict[str, Any]:
        """The manifest of a version."""
        path = self.versions_dir / version / "manifest.json"
        try:
            return dict(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise StoreError(f"version '{version}' has no manifest at {path}") from None
        except json.JSONDecodeError as exc:
            raise StoreError(f"version '{version}': manifest is not valid JSON ({exc.msg})") from None

    def load(self, version: str | None = None, *, verify: bool = True) -> LoadedVersion:
        """Read a version (the serving one by default), checking files against the manifest."""
        name = version or self.current_version()
        if name is None:
            raise StoreError(f"{self.root}: no index has been built yet (run `creatormatch build` first)")
        return load_version_dir(self.versions_dir / name, verify=verify)


def _read_lock(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _alive(holder: dict[str, Any]) -> bool:
    """Whether the lock's process still runs; a lock from another host is assumed alive."""
    if holder.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(holder.get("pid", -1)), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError, OverflowError):
        return True
    return True


def load_version_dir(folder: Path, *, verify: bool = True) -> LoadedVersion:
    """Read one version folder; with `verify`, every file must match its manifest checksum."""
    if not folder.is_dir():
        raise StoreError(f"version folder {folder} does not exist")
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise StoreError(f"{folder}: manifest missing or unreadable ({type(exc).__name__})") from None
    if not isinstance(manifest, dict) or manifest.get("schema_version") != SCHEMA_VERSION:
        found = manifest.get("schema_version") if isinstance(manifest, dict) else None
        raise StoreError(f"{folder}: schema version {found}, this code reads {SCHEMA_VERSION}")
    try:
        info = read_manifest(manifest, str(folder))
    except ValueError as exc:
        raise StoreError(str(exc)) from None
    for name, expected in info.files.items():
        path = folder / name
        if not path.exists():
            raise StoreError(f"{folder}: file {name} is missing")
        if path.stat().st_size != expected.bytes or (verify and sha256_of(path) != expected.sha256):
            raise StoreError(f"{folder}: file {name} does not match its manifest checksum (damaged)")
    try:
        search = load_search(folder)
        creators = creators_from_disk(_read_table(folder, "creators", info, LIST_COLUMNS))
        units = _read_table(folder, "units", info)
        # mapped, not read: server workers share the pages, and an explanation reads only its creators' texts
        unit_vectors = np.load(folder / "unit_vectors.npy", mmap_mode="r", allow_pickle=False)
        events = _read_table(folder, "brand_events", info)
        graph = None
        if (folder / "brand_graph.npz").exists():  # versions written before the brand graph lack it
            graph = BrandGraph.load(folder / "brand_graph.npz")
        described = _read_description_vectors(folder / "description_vectors.npz")
    except Exception as exc:
        raise StoreError(f"{folder}: cannot read the version ({type(exc).__name__}: {exc})") from None
    if search.size != len(creators) or info.counts.creators != len(creators) or len(units) != len(unit_vectors):
        raise StoreError(f"{folder}: counts do not match the manifest")
    index = CreatorIndex(version=info.version, creators=creators, creator_vectors=search.vectors(),
                         units=units, unit_vectors=unit_vectors, brand_events=events, brand_graph=graph,
                         description_vectors=described)
    return LoadedVersion(index, search, manifest, info)


def _read_description_vectors(path: Path) -> dict[str, np.ndarray]:
    """The stored taxonomy description vectors by text (empty for a version written before they were kept)."""
    if not path.exists():
        return {}
    with np.load(path, allow_pickle=False) as stored:
        texts, vectors = json.loads(stored["texts"].tobytes().decode("utf-8")), stored["vectors"]
        return {str(text): vector for text, vector in zip(texts, vectors, strict=True)}


def load_search(folder: Path) -> FaissSearch:
    """The version's FAISS index with its full vectors, holding one copy of them in memory.

    A flat index re-scores from its own storage, so `creator_vectors.npy` is not read at all; an
    approximate index maps that file (float16) read-only, so only the rows it re-scores are paged in.
    """
    return FaissSearch.open(folder / "index.faiss", folder / "creator_vectors.npy")


def _read_table(folder: Path, name: str, info: Manifest, tuples: tuple[str, ...] = ()) -> pd.DataFrame:
    """One of a version's tables: mapped from its Arrow file (the list columns of `tuples` as tuples), or read
    from Parquet (store format 1)."""
    if f"{name}.arrow" in info.files:
        return map_table(folder / f"{name}.arrow", tuples)
    return pd.read_parquet(folder / f"{name}.parquet")
